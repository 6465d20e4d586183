using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Common;
using PortalApp.Live;

namespace PortalApp.Letters;

/// <summary>
/// Carries out issued terminations: at each agreement's TerminationEffectiveUtc (by the injected TimeProvider)
/// it marks the agreement Terminated and writes the timeline. Access itself already ends at that instant,
/// because AgreementTerms.IsInForce compares against the same cut-off; this makes the status say so.
/// </summary>
public sealed class TerminationScheduler(
    IDbContextFactory<PortalDbContext> dbFactory,
    IServiceScopeFactory scopes,
    TerminationSignal signal,
    ClusterLease lease,
    Live.BallotNotifier notifier,
    TimeProvider time,
    ILogger<TerminationScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = MaxWait;
            try
            {
                DateTimeOffset? next = null;
                // With several instances, one at a time carries terminations out; each still learns the next cut-off.
                await lease.TryRunAsync(ClusterDuty.Terminations, async () => next = await CarryOutDueAsync(stoppingToken), stoppingToken);
                next ??= await NextCutOffAsync(time.GetUtcNow(), stoppingToken);
                if (next is { } nextCutOff)
                {
                    wait = TimeSpan.FromTicks(Math.Clamp((nextCutOff - time.GetUtcNow()).Ticks, 0, MaxWait.Ticks));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Carrying out terminations failed; retrying in a minute.");
                wait = TimeSpan.FromMinutes(1);
            }
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(Task.Delay(wait, time, waiting.Token), signal.WaitAsync(waiting.Token));
            await waiting.CancelAsync();
        }
    }

    /// <summary>Terminates every agreement whose cut-off has come; returns the next cut-off still ahead.</summary>
    public async Task<DateTimeOffset?> CarryOutDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Agreements
            .Where(a => a.TerminationEffectiveUtc != null && a.TerminationEffectiveUtc <= now && a.Status != AgreementStatus.Terminated)
            .ToListAsync(ct);
        if (due.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var accessLog = scope.ServiceProvider.GetRequiredService<AccessLog>();
            foreach (var agreement in due)
            {
                await accessLog.AppendAsync(new AccessEvent(AccessActions.AgreementChange)
                {
                    UserName = "system",
                    Target = $"agreement {agreement.Id} {agreement.Reference}: terminated under letter {agreement.TerminationLetterNumber}",
                }, ct);
                agreement.Status = AgreementStatus.Terminated;
                db.AgreementEvents.Add(new AgreementEvent
                {
                    AgreementId = agreement.Id,
                    AtUtc = agreement.TerminationEffectiveUtc!.Value,
                    Kind = "terminated",
                    Summary = $"Agreement terminated under letter {agreement.TerminationLetterNumber}: from {PortalTime.Format(agreement.TerminationEffectiveUtc.Value)} the outside agency has no access.",
                });
                logger.LogInformation("Agreement {Reference} terminated under letter {Letter}.", agreement.Reference, agreement.TerminationLetterNumber);
            }
            await db.SaveChangesAsync(ct);
            // Open pages (the liaison's dashboard and menu among them) reread the agreement's lifecycle.
            foreach (var agreement in due)
            {
                notifier.Publish(new Live.BallotChange(Live.BallotChangeKind.AgreementChanged, agreement.Id, null));
            }
        }
        return await NextCutOffAsync(now, ct);
    }

    private async Task<DateTimeOffset?> NextCutOffAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Agreements
            .Where(a => a.TerminationEffectiveUtc != null && a.TerminationEffectiveUtc > now && a.Status != AgreementStatus.Terminated)
            .MinAsync(a => a.TerminationEffectiveUtc, ct);
    }
}
