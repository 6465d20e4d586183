using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Audit;
using PortalApp.Authorization;

namespace PortalApp.Ballots;

/// <summary>Reading ballots and casting votes. The decision itself is <see cref="DecisionRule"/>'s.</summary>
public sealed partial class BallotService(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    BallotNotifier notifier,
    TimeProvider time)
{
    public async Task<BallotView?> GetAsync(int ballotId)
    {
        var user = await capabilities.RequireAsync(Policies.ReadBallots);
        await using var db = await dbFactory.CreateDbContextAsync();
        var ballot = await db.Ballots.AsNoTracking()
            .Include(b => b.Agreement).ThenInclude(a => a!.Seats)
            .Include(b => b.Amendment)
            .Include(b => b.Decision)
            .FirstOrDefaultAsync(b => b.Id == ballotId);
        if (ballot is null)
        {
            return null;
        }
        var agreement = ballot.Agreement!;
        var votes = await db.Votes.AsNoTracking().Where(v => v.BallotId == ballotId).OrderBy(v => v.Id).ToListAsync();
        var names = await DisplayNamesAsync(db, agreement.Seats.SelectMany(s => new[] { s.PrimaryUserId, s.AlternateUserId }).OfType<string>());
        var history = votes.Select(v => ToView(v, names)).ToList();
        var seats = agreement.Seats.OrderBy(s => s.Party).Select(s => new SeatVoteView(
            s.Party,
            names.GetValueOrDefault(s.PrimaryUserId, "(unassigned)"),
            s.AlternateUserId is null ? null : names.GetValueOrDefault(s.AlternateUserId),
            history.LastOrDefault(v => v.Party == s.Party && v.IsCurrent))).ToList();
        var decision = ballot.Decision;
        return new BallotView(
            ballot.Id, agreement.Id, agreement.Reference, agreement.Title, ballot.Term,
            ballot.Amendment?.Number ?? 0, ballot.Amendment?.Title ?? "", ballot.AmendmentHash,
            ballot.OpensUtc, ballot.ClosesUtc, agreement.DefaultOutcome,
            DecisionRule.PhaseAt(ballot.OpensUtc, ballot.ClosesUtc, decision is not null, decision?.ByDefault == true, time.GetUtcNow()),
            DecisionRule.Count(seats.Where(s => s.Current is not null).Select(s => s.Current!.Choice), seats.Count, ballot.TerminationThreshold),
            seats, history,
            decision is null ? null : new DecisionView(decision.Outcome, decision.DecidedUtc, decision.Tally, decision.ByDefault),
            VoterSeatOf(user, agreement.Seats));
    }

    /// <summary>Open ballots on which the user's seat has no current vote ("needs my vote").</summary>
    public async Task<IReadOnlyList<PendingVote>> NeedsMyVoteAsync()
    {
        var user = await capabilities.RequireAsync(Policies.ReadBallots);
        if (!await capabilities.HasAsync(Policies.CastVote, user) || user.Party() is not { } partyName
            || !Enum.TryParse<Party>(partyName, out var party))
        {
            return [];
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Ballots.AsNoTracking()
            .Where(b => b.Decision == null && b.OpensUtc <= now && b.ClosesUtc > now)
            .Where(b => b.Agreement!.Seats.Any(s => s.Party == party && (s.PrimaryUserId == userId || s.AlternateUserId == userId)))
            .Where(b => !b.Votes.Any(v => v.IsCurrent && v.Party == party))
            .OrderBy(b => b.ClosesUtc)
            .Select(b => new PendingVote(b.Id, b.Agreement!.Reference, b.Term, b.ClosesUtc))
            .ToListAsync();
    }

    internal static VoterSeat? VoterSeatOf(ClaimsPrincipal user, IEnumerable<Seat> seats)
    {
        if (!user.IsInRole(Roles.Stakeholder) || !Enum.TryParse<Party>(user.Party(), out var party))
        {
            return null;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var seat = seats.FirstOrDefault(s => s.Party == party);
        return seat is null ? null
            : seat.PrimaryUserId == userId ? new VoterSeat(party, false)
            : seat.AlternateUserId == userId ? new VoterSeat(party, true)
            : null;
    }

    internal static async Task<Dictionary<string, string>> DisplayNamesAsync(PortalDbContext db, IEnumerable<string> userIds)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id);
    }

    private static VoteView ToView(Vote v, Dictionary<string, string> names) => new(
        v.Id, v.Party, v.Choice, v.Rationale, v.CastByUserName, names.GetValueOrDefault(v.CastByUserId, v.CastByUserName),
        v.CastByAlternate, v.CastUtc, v.IsCurrent, v.ReceiptHash);
}
