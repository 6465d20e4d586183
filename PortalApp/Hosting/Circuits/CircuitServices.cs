using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PortalApp.Hosting.Circuits;

public static class CircuitServices
{
    public static IServiceCollection AddCircuitCensus(this IServiceCollection services)
    {
        services.AddSingleton<CircuitCensus>();
        services.AddScoped<CircuitHandler, CircuitCensus.Handler>();
        services.AddSingleton<MemoryTrim>();
        services.AddHostedService(sp => sp.GetRequiredService<MemoryTrim>());
        return services;
    }
}
