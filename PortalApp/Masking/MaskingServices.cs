namespace PortalApp.Masking;

public static class MaskingServices
{
    public static IServiceCollection AddMasking(this IServiceCollection services)
    {
        services.AddSingleton<Pseudonymizer>();
        services.AddSingleton<ReferenceDataCache>();
        services.AddSingleton<MaskingService>();
        services.AddScoped<MaskingPolicyService>();
        return services;
    }
}
