using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Common;

namespace PortalApp.Users;

/// <summary>What one failed password sign-in did to the throttle of its name and address.</summary>
/// <param name="LockedNow">This failure was the fifth within the window: the address is now locked out of the name.</param>
/// <param name="Addresses">How many addresses failed for this name within the window, this one included.</param>
public sealed record ThrottleOutcome(bool LockedNow, int Addresses);

/// <summary>
/// Lockout by account name and client address together (see <see cref="SignInThrottle"/>). Every change is one
/// conditional UPDATE, so concurrent failures from one address are all counted and exactly one of them locks it.
/// </summary>
public sealed class SignInThrottles(IDbContextFactory<PortalDbContext> dbFactory, IOptions<PortalOptions> options, TimeProvider time)
{
    public const int Attempts = 5;

    /// <summary>Several addresses failing for one name within the window is the pattern of an attempt to lock officials out.</summary>
    public const int SpreadAddresses = 3;

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public async Task<bool> IsLockedAsync(string email, string address, CancellationToken ct = default)
    {
        var name = Normalize(email);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SignInThrottles.AnyAsync(t => t.NormalizedEmail == name && t.ClientAddress == address && t.LockedUtc != null, ct);
    }

    public async Task<ThrottleOutcome> RecordFailureAsync(string email, string address, CancellationToken ct = default)
    {
        var name = Normalize(email);
        var now = time.GetUtcNow();
        var windowStart = now - TimeSpan.FromMinutes(options.Value.LockoutWindowMinutes);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = db.SignInThrottles.Where(t => t.NormalizedEmail == name && t.ClientAddress == address && t.LockedUtc == null);
        if (await row.Where(t => t.FirstFailureUtc >= windowStart).ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, t => t.Failures + 1), ct) == 0
            && await row.ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, 1).SetProperty(t => t.FirstFailureUtc, now), ct) == 0)
        {
            await InsertAsync(db, name, address, now, ct);
        }
        var locked = await row.Where(t => t.Failures >= Attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LockedUtc, (DateTimeOffset?)now), ct) > 0;
        var addresses = await db.SignInThrottles.CountAsync(t => t.NormalizedEmail == name && t.FirstFailureUtc >= windowStart, ct);
        return new ThrottleOutcome(locked, addresses);
    }

    /// <summary>A successful sign-in from an address forgets that address's earlier failures.</summary>
    public async Task ClearAsync(string email, string address, CancellationToken ct = default)
    {
        var name = Normalize(email);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SignInThrottles.Where(t => t.NormalizedEmail == name && t.ClientAddress == address && t.LockedUtc == null).ExecuteDeleteAsync(ct);
    }

    /// <summary>An Admin's unlock: every address locked out of the name may try again. Returns how many were locked.</summary>
    public async Task<int> ReleaseAsync(string email, CancellationToken ct = default)
    {
        var name = Normalize(email);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var locked = await db.SignInThrottles.CountAsync(t => t.NormalizedEmail == name && t.LockedUtc != null, ct);
        await db.SignInThrottles.Where(t => t.NormalizedEmail == name).ExecuteDeleteAsync(ct);
        return locked;
    }

    /// <summary>For the Admin's list: how many addresses are locked out of each name that has any.</summary>
    public async Task<IReadOnlyDictionary<string, int>> LockedAddressesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SignInThrottles.Where(t => t.LockedUtc != null).GroupBy(t => t.NormalizedEmail)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    private static async Task InsertAsync(PortalDbContext db, string name, string address, DateTimeOffset now, CancellationToken ct)
    {
        db.SignInThrottles.Add(new SignInThrottle { NormalizedEmail = name, ClientAddress = address, Failures = 1, FirstFailureUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another failure from the same address inserted the row first (or it is locked): count this one on it.
            db.ChangeTracker.Clear();
            await db.SignInThrottles.Where(t => t.NormalizedEmail == name && t.ClientAddress == address && t.LockedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, t => t.Failures + 1), ct);
        }
    }
}
