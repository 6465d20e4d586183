using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace PortalApp.Authorization;

/// <summary>
/// Whether a signed-in principal still stands: its session is open (<see cref="SessionClock"/>: not idle too long, not
/// past its lifetime), its account exists, is not locked, and carries the security stamp the principal was issued with
/// (every lock, role, party, password or two-factor change, and every sign-out, renews the stamp). Asked by every
/// service call, every cookie request and every circuit's revalidation, so a revoked account is refused everywhere.
/// An account's row is read at most once per <see cref="FreshFor"/> per instance; a revocation on any instance drops
/// the cached row and ends that account's circuits at once (<see cref="Revoke"/>, relayed by the PostgreSQL bridge).
/// </summary>
public sealed class AccountStanding(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider time,
    IOptions<IdentityOptions> identity,
    SessionClock sessions,
    ILogger<AccountStanding> logger)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Row> rows = new();
    private readonly ConcurrentDictionary<Guid, Func<string, Task>> listeners = new();
    private long revocations;

    /// <summary>Raised for every revocation made on this instance, so it can be relayed to the other instances.</summary>
    public event Action<string>? Revoked;

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }
        if (!sessions.IsLive(user))
        {
            return false;
        }
        var claims = identity.Value.ClaimsIdentity;
        if (user.FindFirstValue(claims.UserIdClaimType) is not { } id)
        {
            return false;
        }
        var stamp = user.FindFirstValue(claims.SecurityStampClaimType);
        var (row, cached) = await ReadAsync(id, ct);
        if (!Stands(row, stamp) && cached)
        {
            // The person's own stamp change (a new password, two-factor enrolled) issues a cookie newer than the cached
            // row: refuse only what the database itself refuses.
            rows.TryRemove(id, out _);
            (row, _) = await ReadAsync(id, ct);
        }
        return Stands(row, stamp);
    }

    private bool Stands(Row row, string? stamp) =>
        row.Exists && !(row.LockoutEnd is { } end && end > time.GetUtcNow()) && row.Stamp == stamp;

    /// <summary>Call after an account change has been saved: every open session of that account ends, on every instance.</summary>
    public void Revoke(string userId)
    {
        Deliver(userId);
        Revoked?.Invoke(userId);
    }

    /// <summary>A revocation made here or relayed from another instance: forget the row, end this instance's circuits.</summary>
    public void Deliver(string userId)
    {
        logger.LogInformation("Account {UserId} was revoked: its sessions on this instance end now.", userId);
        Interlocked.Increment(ref revocations);
        rows.TryRemove(userId, out _);
        foreach (var listener in listeners.Values)
        {
            _ = NotifyAsync(listener, userId);
        }
    }

    /// <summary>Hears of every revoked account id; dispose to stop (a circuit's provider does when its circuit ends).</summary>
    public IDisposable OnRevoked(Func<string, Task> listener)
    {
        var key = Guid.NewGuid();
        listeners[key] = listener;
        return new Subscription(() => listeners.TryRemove(key, out _));
    }

    private async Task<(Row Row, bool Cached)> ReadAsync(string id, CancellationToken ct)
    {
        // Freshness is measured on the machine's monotonic clock, not the injected TimeProvider: it bounds how stale a
        // cached row may be in real seconds, whatever the portal's notion of "now" (tests move that one by hours).
        var now = Stopwatch.GetTimestamp();
        if (rows.TryGetValue(id, out var cached) && Stopwatch.GetElapsedTime(cached.ReadAt, now) < FreshFor)
        {
            return (cached, true);
        }
        var seen = Interlocked.Read(ref revocations);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        var row = new Row(found is not null, found?.SecurityStamp, found?.LockoutEnd, now);
        // A read that began before a revocation may hold the old stamp: answer with it, but do not keep it.
        if (Interlocked.Read(ref revocations) == seen)
        {
            rows[id] = row;
        }
        return (row, false);
    }

    private async Task NotifyAsync(Func<string, Task> listener, string userId)
    {
        try
        {
            await Task.Yield();
            await listener(userId);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A revocation listener failed for account {UserId}.", userId);
        }
    }

    private sealed record Row(bool Exists, string? Stamp, DateTimeOffset? LockoutEnd, long ReadAt);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
