using PortalApp.AccessLogging;
using PortalApp.Live;

namespace PortalApp.Ballots;

/// <summary>
/// Wakes at the next closing instant (or hourly, or when a ballot opens) and runs <see cref="BallotClosing"/>.
/// Waiting goes through the injected TimeProvider, so tests move the clock instead of sleeping.
/// </summary>
public sealed class BallotClosingService(
    IServiceScopeFactory scopes,
    BallotNotifier notifier,
    TimeProvider time,
    ILogger<BallotClosingService> logger) : BackgroundService
{
    private static readonly TimeSpan LongestSleep = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = notifier.Subscribe(change =>
        {
            if (change.Kind == BallotChangeKind.Opened)
            {
                wake.Release();
            }
            return Task.CompletedTask;
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            var sleep = LongestSleep;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ClientInfo>().Source = "system";
                var closing = scope.ServiceProvider.GetRequiredService<BallotClosing>();
                // With several instances, one at a time does the closing; the others find nothing left when they look.
                await scope.ServiceProvider.GetRequiredService<ClusterLease>().TryRunAsync(ClusterDuty.BallotClosing, async () =>
                {
                    await closing.ApplyDefaultOutcomesAsync(stoppingToken);
                    await closing.PostDeadlineRemindersAsync(stoppingToken);
                }, stoppingToken);
                if (await closing.NextClosingAsync(stoppingToken) is { } next)
                {
                    var untilNext = next - time.GetUtcNow();
                    sleep = untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < sleep ? untilNext : sleep;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Closing ballots failed; trying again in a minute.");
                sleep = TimeSpan.FromMinutes(1);
            }
            await SleepAsync(sleep, stoppingToken);
        }
    }

    private async Task SleepAsync(TimeSpan sleep, CancellationToken stoppingToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(sleep, time, cts.Token);
        var woken = wake.WaitAsync(cts.Token);
        await Task.WhenAny(delay, woken);
        await cts.CancelAsync();
        await Task.WhenAll(delay, woken).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
