using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using PortalApp.Live;

namespace PortalApp.Notifications;

/// <summary>A notification as every member of its audience sees it (whether it is unread is each reader's own).</summary>
public sealed record FeedItem(long Id, DateTimeOffset AtUtc, string Text, string? Link);

/// <summary>
/// The newest notifications of one audience (a role, and whether it reads agreements), loaded once per published
/// ballot change and shared by every bell of that audience, as <see cref="BallotSnapshots"/> does for ballots.
/// Each bell still checks its reader's capability and reads its own cursor; only the audience's list is shared.
/// </summary>
public sealed class NotificationFeed(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>How many of the newest are kept: the bell shows 15 and counts unread ones up to this (then "99+").</summary>
    public const int Depth = 100;

    private readonly ConditionalWeakTable<BallotChange, ConcurrentDictionary<(string? Role, bool Everyone), Lazy<Task<IReadOnlyList<FeedItem>>>>> afterChange = new();

    /// <remarks>A shared load runs to its end whoever asked first; <paramref name="ct"/> only stops this caller's wait for it.</remarks>
    public Task<IReadOnlyList<FeedItem>> NewestAsync(BallotChange? after, string? role, bool everyone, CancellationToken ct = default) =>
        after is null
            ? LoadAsync(role, everyone, ct)
            : afterChange.GetValue(after, _ => new())
                .GetOrAdd((role, everyone), key => new Lazy<Task<IReadOnlyList<FeedItem>>>(() => LoadAsync(key.Role, key.Everyone, CancellationToken.None))).Value
                .WaitAsync(ct);

    private async Task<IReadOnlyList<FeedItem>> LoadAsync(string? role, bool everyone, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NotificationService.Visible(db, role, everyone).OrderByDescending(n => n.Id).Take(Depth)
            .Select(n => new FeedItem(n.Id, n.AtUtc, n.Text, n.Link))
            .ToListAsync(ct);
    }
}
