using Microsoft.AspNetCore.RateLimiting;

namespace PortalApp.Transparency;

public static class TransparencyServices
{
    public static IServiceCollection AddTransparency(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AgencyUseTally>();
        services.AddScoped<TransparencyService>();
        var permits = configuration.GetValue("Portal:PublicReadsPerMinute", 60);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(PublicReadLimit.Policy, new PublicReadLimit(permits)));
        return services;
    }
}
