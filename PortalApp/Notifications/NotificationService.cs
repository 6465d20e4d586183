using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Authorization;
using PortalApp.Live;

namespace PortalApp.Notifications;

public sealed record NotificationItem(long Id, DateTimeOffset AtUtc, string Text, string? Link, bool Unread);

public sealed record NotificationBellState(int Unread, IReadOnlyList<NotificationItem> Latest);

/// <summary>The bell: notifications meant for the user's role (or for everyone who reads agreements) and what is unread.</summary>
public sealed class NotificationService(IDbContextFactory<PortalDbContext> dbFactory, Capabilities capabilities, NotificationFeed feed)
{
    private const int Shown = 15;

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var (user, everyone) = await AudienceAsync(ct);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var role = user.PortalRole();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seen = await LastSeenAsync(db, userId, ct);
        return await Visible(db, role, everyone).CountAsync(n => n.Id > seen, ct);
    }

    public async Task<IReadOnlyList<NotificationItem>> LatestAsync(CancellationToken ct = default)
    {
        var (user, everyone) = await AudienceAsync(ct);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var role = user.PortalRole();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seen = await LastSeenAsync(db, userId, ct);
        return await Visible(db, role, everyone).OrderByDescending(n => n.Id).Take(Shown)
            .Select(n => new NotificationItem(n.Id, n.AtUtc, n.Text, n.Link, n.Id > seen))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The bell's whole state in one call: every open circuit's bell refreshes on every ballot change. After a change
    /// the audience's newest notifications are shared (<see cref="NotificationFeed"/>); the reader's capability and
    /// cursor are checked and read here. Unread ones are counted up to <see cref="NotificationFeed.Depth"/>.
    /// </summary>
    public async Task<NotificationBellState> BellAsync(BallotChange? after = null, CancellationToken ct = default)
    {
        var (user, everyone) = await AudienceAsync(ct);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        long seen;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            seen = await LastSeenAsync(db, userId, ct);
        }
        var newest = await feed.NewestAsync(after, user.PortalRole(), everyone, ct);
        return new NotificationBellState(
            newest.Count(n => n.Id > seen),
            [.. newest.Take(Shown).Select(n => new NotificationItem(n.Id, n.AtUtc, n.Text, n.Link, n.Id > seen))]);
    }

    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        var (user, everyone) = await AudienceAsync(ct);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var newest = await Visible(db, user.PortalRole(), everyone).MaxAsync(n => (long?)n.Id, ct) ?? 0;
        var cursor = await db.NotificationCursors.FindAsync(new object?[] { userId }, ct);
        if (cursor is null)
        {
            db.NotificationCursors.Add(new NotificationCursor { UserId = userId, LastSeenId = newest });
        }
        else
        {
            cursor.LastSeenId = Math.Max(cursor.LastSeenId, newest);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<(ClaimsPrincipal User, bool Everyone)> AudienceAsync(CancellationToken ct)
    {
        var user = await capabilities.RequireAsync(Policies.SignedIn, ct: ct);
        return (user, await capabilities.HasAsync(Policies.ReadAgreements, user, ct));
    }

    private static async Task<long> LastSeenAsync(PortalDbContext db, string userId, CancellationToken ct) =>
        await db.NotificationCursors.AsNoTracking().Where(c => c.UserId == userId).Select(c => (long?)c.LastSeenId).FirstOrDefaultAsync(ct) ?? 0;

    internal static IQueryable<Notification> Visible(PortalDbContext db, string? role, bool everyone) =>
        db.Notifications.AsNoTracking().Where(n => (n.Audience == null && everyone) || (role != null && n.Audience == role));
}
