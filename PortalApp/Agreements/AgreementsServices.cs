using PortalApp.Ballots;
using PortalApp.Live;
using PortalApp.Notifications;

namespace PortalApp.Agreements;

public static class AgreementsServices
{
    /// <summary>Agreements, ballots (with their live notifier and closing service) and the notification bell.</summary>
    public static IServiceCollection AddAgreementsAndBallots(this IServiceCollection services)
    {
        services.AddScoped<AgreementService>();
        services.AddScoped<AgreementAdminService>();
        services.AddScoped<BallotService>();
        services.AddScoped<BallotClosing>();
        services.AddScoped<NotificationService>();
        services.AddSingleton<NotificationFeed>();
        services.AddSingleton<BallotNotifier>();
        services.AddSingleton<BallotSnapshots>();
        services.AddHostedService<BallotClosingService>();
        return services;
    }
}
