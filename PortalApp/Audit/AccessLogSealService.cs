using PortalApp.AccessLogging;
using PortalApp.Live;

namespace PortalApp.Audit;

/// <summary>Seals the chain's head at start-up and then every hour; with several instances, one of them does it.</summary>
public sealed class AccessLogSealService(
    AccessLogSealer sealer,
    ClusterLease lease,
    TimeProvider time,
    ILogger<AccessLogSealService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await lease.TryRunAsync(ClusterDuty.AuditSeal, () => sealer.SealAsync(SealReasons.Hourly, stoppingToken), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sealing the access log failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
