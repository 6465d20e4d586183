using PortalApp.AccessLogging;

namespace PortalApp.Audit;

public static class AuditServices
{
    /// <summary>The access log (write, verify, retain) and the auditor's services.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection("Portal"))
            .Validate(o => o.AuditRetentionDays >= AuditOptions.MinimumRetentionDays,
                $"Portal:AuditRetentionDays must be at least {AuditOptions.MinimumRetentionDays} (one year of audit records).")
            .ValidateOnStart();

        services.AddScoped<ClientInfo>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ClientInfoCapture>();
        services.AddSingleton<AccessLogHealth>();
        services.AddSingleton<AccessLogWriter>();
        services.AddScoped<AccessLog>();
        services.AddSingleton<AccessLogVerifier>();
        services.AddSingleton<AccessLogSealer>();
        services.AddHostedService<AccessLogSealService>();
        services.AddScoped<AccessLogRetention>();
        services.AddHostedService<AccessLogRetentionService>();

        services.AddScoped<AccessLogReader>();
        services.AddScoped<AccessLogExport>();
        services.AddScoped<AuditActivity>();
        services.AddScoped<FlagReviewQueue>();
        services.AddScoped<OversightReportService>();
        return services;
    }
}
