using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Portal.Data;
using PortalApp.Live;

namespace PortalApp.ScaleOut;

public static class ScaleOutServices
{
    /// <summary>
    /// What lets several instances act as one portal: Data Protection keys in the shared database (a cookie,
    /// antiforgery token or component state protected by one instance is read by every other), duties run by one
    /// instance at a time, and, on PostgreSQL, live changes relayed between instances.
    /// </summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection()
            .SetApplicationName("Portal")
            .PersistKeysToDbContext<PortalDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<KeyRingKey>((o, key) => o.XmlEncryptor = new KeyRingEncryptor(key));
        services.AddSingleton<ClusterLease>();
        if (PortalDatabase.Provider(configuration) == DatabaseProvider.Postgres)
        {
            services.AddHostedService<PostgresChangeBridge>();
        }
        return services;
    }
}
