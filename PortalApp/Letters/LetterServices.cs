namespace PortalApp.Letters;

public static class LetterServices
{
    public static IServiceCollection AddLetters(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LetterOptions>(configuration.GetSection("Letters"));
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
