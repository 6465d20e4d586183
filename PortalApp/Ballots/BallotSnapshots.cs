using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Live;
using PortalApp.Terms;

namespace PortalApp.Ballots;

/// <summary>
/// A ballot as every reader sees it: the view without the reader's own seat, and the seats' holders from which
/// <see cref="BallotService"/> works out each reader's seat. Nothing in it depends on who reads it (every role
/// that may read ballots sees the same ballot), which is what makes it safe to share.
/// </summary>
public sealed record BallotSnapshot(BallotView View, IReadOnlyList<Seat> Seats);

/// <summary>
/// Loads ballots, and shares one load per published change among every circuit watching that ballot: the first
/// watcher to hear of a change starts the load, the others await the same one. Keyed by the change instance itself
/// (one <see cref="BallotNotifier.Publish"/>, one instance handed to every listener), so it needs no clock or
/// version and a change published later always gets a fresh load.
/// </summary>
public sealed class BallotSnapshots(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    private readonly ConditionalWeakTable<BallotChange, Lazy<Task<BallotSnapshot?>>> afterChange = new();

    /// <summary>
    /// The ballot as it stands after <paramref name="change"/> committed, loaded once for all who ask. The shared load
    /// runs to its end whoever asked first; <paramref name="ct"/> only stops this caller's wait for it.
    /// </summary>
    public Task<BallotSnapshot?> AfterAsync(BallotChange change, CancellationToken ct = default) =>
        change.BallotId is { } ballotId
            ? afterChange.GetValue(change, _ => new Lazy<Task<BallotSnapshot?>>(() => LoadAsync(ballotId, CancellationToken.None))).Value.WaitAsync(ct)
            : throw new ArgumentException("The change names no ballot.", nameof(change));

    public async Task<BallotSnapshot?> LoadAsync(int ballotId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ballot = await db.Ballots.AsNoTracking()
            .Include(b => b.Agreement).ThenInclude(a => a!.Seats)
            .Include(b => b.Amendment)
            .Include(b => b.Decision)
            .FirstOrDefaultAsync(b => b.Id == ballotId, ct);
        if (ballot is null)
        {
            return null;
        }
        var agreement = ballot.Agreement!;
        var votes = await db.Votes.AsNoTracking().Where(v => v.BallotId == ballotId).OrderBy(v => v.Id).ToListAsync(ct);
        var names = await BallotService.DisplayNamesAsync(db, agreement.Seats.SelectMany(s => new[] { s.PrimaryUserId, s.AlternateUserId }).OfType<string>().Concat(votes.Select(v => v.CastByUserId)), ct);
        var primaries = agreement.Seats.ToDictionary(s => s.Party, s => names.GetValueOrDefault(s.PrimaryUserId));
        var history = votes.Select(v => ToView(v, names, primaries.GetValueOrDefault(v.Party))).ToList();
        var seats = agreement.Seats.OrderBy(s => s.Party).Select(s => new SeatVoteView(
            s.Party,
            names.GetValueOrDefault(s.PrimaryUserId, "(unassigned)"),
            s.AlternateUserId is null ? null : names.GetValueOrDefault(s.AlternateUserId),
            history.LastOrDefault(v => v.Party == s.Party && v.IsCurrent))).ToList();
        var decision = ballot.Decision;
        var view = new BallotView(
            ballot.Id, agreement.Id, agreement.Reference, agreement.Title, ballot.Term,
            ballot.Amendment?.Number ?? 0, ballot.Amendment?.Title ?? "", ballot.AmendmentHash,
            ballot.OpensUtc, ballot.ClosesUtc, agreement.DefaultOutcome,
            DecisionRule.PhaseAt(ballot.OpensUtc, ballot.ClosesUtc, decision is not null, decision?.ByDefault == true, time.GetUtcNow()),
            DecisionRule.Count(seats.Where(s => s.Current is not null).Select(s => s.Current!.Choice), seats.Count, ballot.TerminationThreshold, ballot.Kind),
            seats, history,
            decision is null ? null : new DecisionView(decision.Outcome, decision.DecidedUtc, decision.Tally, decision.ByDefault),
            MySeat: null,
            ballot.Kind, ballot.Amendment?.EffectiveDate,
            ballot.Kind == BallotKind.AmendmentAdoption ? await RevealsAsync(db, ballot, ct) : null);
        return new BallotSnapshot(view, agreement.Seats.ToList());
    }

    /// <summary>What the amendment put to the vote would show the agency beyond the schedule it follows, field by field.</summary>
    private async Task<IReadOnlyList<string>> RevealsAsync(PortalDbContext db, Ballot ballot, CancellationToken ct)
    {
        var amendments = await db.Amendments.AsNoTracking().Where(m => m.AgreementId == ballot.AgreementId).ToListAsync(ct);
        var adoptedOn = await AmendmentAdoptions.LoadAsync(db, ballot.AgreementId, ct);
        return ScheduleInForce.States(amendments, PortalTime.Today(time), adoptedOn).Single(s => s.Amendment.Id == ballot.AmendmentId).Reveals;
    }

    private static VoteView ToView(Vote v, Dictionary<string, string> names, string? primaryName) => new(
        v.Id, v.Party, v.Choice, v.Rationale, v.CastByUserName, names.GetValueOrDefault(v.CastByUserId, v.CastByUserName),
        v.CastByAlternate, v.CastUtc, v.IsCurrent, v.ReceiptHash, primaryName);
}
