using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Live;

namespace PortalApp.Ballots;

/// <summary>Reading ballots and casting votes. The decision itself is <see cref="DecisionRule"/>'s.</summary>
public sealed partial class BallotService(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    BallotNotifier notifier,
    BallotSnapshots snapshots,
    TimeProvider time)
{
    public async Task<BallotView?> GetAsync(int ballotId, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadBallots, ct: ct);
        return ForReader(user, await snapshots.LoadAsync(ballotId, ct));
    }

    /// <summary>
    /// The ballot after a published change, for a circuit that watches it: the load is shared with every other
    /// watcher of the same change; the reader's capability and seat are still checked and worked out here, per reader.
    /// </summary>
    public async Task<BallotView?> GetAfterAsync(BallotChange change, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadBallots, ct: ct);
        return ForReader(user, await snapshots.AfterAsync(change, ct));
    }

    private static BallotView? ForReader(ClaimsPrincipal user, BallotSnapshot? snapshot) =>
        snapshot is null ? null : snapshot.View with { MySeat = VoterSeatOf(user, snapshot.Seats) };

    /// <summary>Open ballots on which the user's seat has no current vote ("needs my vote").</summary>
    public async Task<IReadOnlyList<PendingVote>> NeedsMyVoteAsync(CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadBallots, ct: ct);
        if (!await capabilities.HasAsync(Policies.CastVote, user, ct) || user.Party() is not { } partyName
            || !Enum.TryParse<Party>(partyName, out var party))
        {
            return [];
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Ballots.AsNoTracking()
            .Where(b => b.Decision == null && b.OpensUtc <= now && b.ClosesUtc > now)
            .Where(b => b.Agreement!.Seats.Any(s => s.Party == party && (s.PrimaryUserId == userId || s.AlternateUserId == userId)))
            .Where(b => !b.Votes.Any(v => v.IsCurrent && v.Party == party))
            .OrderBy(b => b.ClosesUtc)
            .Select(b => new PendingVote(b.Id, b.Agreement!.Reference, b.Term, b.ClosesUtc))
            .ToListAsync(ct);
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

    internal static async Task<Dictionary<string, string>> DisplayNamesAsync(PortalDbContext db, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id, ct);
    }
}
