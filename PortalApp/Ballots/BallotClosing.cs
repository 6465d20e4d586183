using Microsoft.EntityFrameworkCore;
using Portal.Data;
using PortalApp.AccessLogging;
using PortalApp.Common;
using PortalApp.Live;
using PortalApp.Notifications;
using PortalApp.Terms;

namespace PortalApp.Ballots;

/// <summary>
/// The system's own duties at set times: applying the default outcome to ballots that reached their closing
/// instant without a decision, and posting the 120/90/30-day notice-deadline reminders. No user is involved,
/// so there is no capability to check; entries are logged as the system.
/// </summary>
public sealed class BallotClosing(
    IDbContextFactory<PortalDbContext> dbFactory,
    AccessLog accessLog,
    BallotNotifier notifier,
    TimeProvider time)
{
    /// <summary>Decides every ballot whose closing instant has passed; returns how many were decided.</summary>
    public async Task<int> ApplyDefaultOutcomesAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Ballots.AsNoTracking().Where(b => b.Decision == null && b.ClosesUtc <= now)
                .OrderBy(b => b.ClosesUtc).Select(b => b.Id).ToListAsync(ct);
        }
        var decided = 0;
        foreach (var ballotId in due)
        {
            if (await WriteRetry.RunAsync(() => CloseAsync(ballotId, now), ct: ct) is { } agreementId)
            {
                decided++;
                notifier.Publish(new BallotChange(BallotChangeKind.Decided, agreementId, ballotId));
            }
        }
        return decided;
    }

    private async Task<int?> CloseAsync(int ballotId, DateTimeOffset now)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await ChainTransaction.BeginAsync(db);
        var ballot = await db.Ballots.Include(b => b.Agreement).ThenInclude(a => a!.Seats).Include(b => b.Decision)
            .FirstAsync(b => b.Id == ballotId);
        // Rechecked under the write lock: a vote may have decided the ballot in the meantime.
        if (ballot.Decision is not null || ballot.ClosesUtc > now)
        {
            return null;
        }
        var agreement = ballot.Agreement!;
        var choices = await db.Votes.Where(v => v.BallotId == ballotId && v.IsCurrent).Select(v => v.Choice).ToListAsync();
        var tally = DecisionRule.Count(choices, agreement.Seats.Count, ballot.TerminationThreshold, ballot.Kind);
        var outcome = DecisionRule.Decide(tally, closed: true, DecisionRule.DefaultOutcome(ballot.Kind, agreement.DefaultOutcome))!.Value;
        await BallotDecider.RecordAsync(db, accessLog, ballot, agreement, outcome, tally, ballot.ClosesUtc, null, null);
        await tx.CommitAsync();
        return agreement.Id;
    }

    /// <summary>Posts each reminder stage reached once per notice deadline; returns how many were posted.</summary>
    public async Task<int> PostDeadlineRemindersAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Under the write lock, so two runs cannot both post the same reminder.
        await using var tx = await ChainTransaction.BeginAsync(db, ct);
        // Read only: a tracked agreement in the save below would tell every cached copy of the reference data it is stale.
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.Status == Portal.Data.Entities.AgreementStatus.Active
            || a.Status == Portal.Data.Entities.AgreementStatus.UnderReview).ToListAsync(ct);
        var lifecycles = await LifecycleFacts.LifecyclesAsync(db, agreements, now, ct);
        var posted = 0;
        foreach (var agreement in agreements)
        {
            // Only while notice can still be given: never once a termination letter has set a cut-off.
            var lifecycle = lifecycles[agreement.Id];
            if (lifecycle.ReminderStage is not { } stage)
            {
                continue;
            }
            var days = lifecycle.DaysToNoticeDeadline;
            var deadline = lifecycle.NoticeDeadline;
            var marker = $"notice deadline of {deadline:MMMM d, yyyy}";
            var already = await db.AgreementEvents.AsNoTracking()
                .Where(e => e.AgreementId == agreement.Id && e.Kind == AgreementTimeline.Reminder && e.Summary.Contains(marker))
                .Select(e => e.Summary).ToListAsync(ct);
            // A later (smaller) stage already posted covers this one too.
            if (AgreementTerms.ReminderDays.Where(d => d <= stage).Any(d => already.Any(s => s.StartsWith($"{d}-day reminder", StringComparison.Ordinal))))
            {
                continue;
            }
            var summary = $"{stage}-day reminder: {days} days left to the {marker} (expiry {agreement.ExpiryDate:MMMM d, yyyy}).";
            AgreementTimeline.Add(db, agreement.Id, now, AgreementTimeline.Reminder, summary);
            Notices.Post(db, now, $"{agreement.Reference}: {summary}", $"/agreements/{agreement.Id}");
            posted++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return posted;
    }

    /// <summary>The next instant at which a ballot closes, if any is undecided.</summary>
    public async Task<DateTimeOffset?> NextClosingAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Ballots.AsNoTracking().Where(b => b.Decision == null)
            .OrderBy(b => b.ClosesUtc).Select(b => (DateTimeOffset?)b.ClosesUtc).FirstOrDefaultAsync(ct);
    }
}
