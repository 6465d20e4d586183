using PortalApp.AccessLogging;
using PortalApp.Common;

namespace PortalApp.Hosting;

public static class SecretKeyServices
{
    /// <summary>Loads every secret key now, so a missing one stops the start with its message rather than a later request.</summary>
    public static IServiceCollection AddSecretKeys(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(new Masking.PseudonymKey(SecretKeys.Load(configuration, environment, SecretKeys.Pseudonym)));
        services.AddSingleton(new AccessLogging.AuditSealKey(SecretKeys.Load(configuration, environment, SecretKeys.AuditSeal)));
        services.AddSingleton(new ScaleOut.KeyRingKey(SecretKeys.Load(configuration, environment, SecretKeys.KeyRing)));
        return services;
    }
}
