using PortalApp.Live;

namespace PortalApp.Letters;

public static class LetterServices
{
    public static IServiceCollection AddLetters(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<LetterOptions>(configuration.GetSection("Letters"));
        // Loaded now, so a missing or unreadable certificate stops the start with its message rather than a later issue.
        services.AddSingleton(LetterCertificates.Load(configuration, environment));
        services.AddSingleton<LetterSigner>();
        services.AddSingleton<LetterPdfRenderer>();
        services.AddSingleton<LetterAddress>();
        services.AddSingleton<TerminationSignal>();
        services.AddHostedService<TerminationScheduler>();
        services.AddScoped<LetterDrafting>();
        services.AddScoped<LetterService>();
        services.AddScoped<LetterIssuer>();
        services.AddScoped<LetterTracking>();
        services.AddScoped<LetterVerifier>();
        services.AddScoped<LetterTemplates>();
        return services;
    }
}
