using PortalApp.Masking;

namespace PortalApp.Records;

public static class RecordsServices
{
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddMasking();
        services.AddOptions<RecordsOptions>().BindConfiguration("Portal");
        services.AddSingleton<PurposeRegistry>();
        services.AddSingleton<LiaisonOversight>();
        services.AddScoped<RecordSearchService>();
        services.AddScoped<RecordsOffer>();
        services.AddScoped<IRecordsOffer>(sp => sp.GetRequiredService<RecordsOffer>());
        return services;
    }
}
