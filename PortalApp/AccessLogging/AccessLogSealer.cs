using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Common;

namespace PortalApp.AccessLogging;

/// <summary>The seal key (see <see cref="SecretKeys.AuditSeal"/>), loaded once at start; the database never holds it.</summary>
public sealed record AuditSealKey(byte[] Bytes);

public static class SealReasons
{
    public const string Hourly = "hourly";
    public const string Decision = "decision";
    public const string Letter = "letter";
}

/// <summary>The last seal of one city day: what the oversight report prints, so a copy of the chain's head lives outside the database.</summary>
public sealed record DailyHead(DateOnly Day, int Seal, DateTimeOffset AtUtc, long HeadEntryId, long EntryCount, string HeadHash);

/// <summary>
/// Seals the chain's head (<see cref="AccessLogSeal"/>): hourly, and at every ballot decision and letter issuance inside
/// the transaction that logs it. Each seal is also written to the application log, a second copy outside the database.
/// </summary>
public sealed class AccessLogSealer(IDbContextFactory<PortalDbContext> dbFactory, AuditSealKey key, TimeProvider time, ILogger<AccessLogSealer> logger)
{
    public string MacOf(AccessLogSeal seal)
    {
        var canonical = string.Join('\n', "portal-access-log-seal",
            seal.Number.ToString(CultureInfo.InvariantCulture), seal.AtUtc.UtcTicks.ToString(CultureInfo.InvariantCulture),
            seal.HeadEntryId.ToString(CultureInfo.InvariantCulture), seal.HeadHash,
            seal.EntryCount.ToString(CultureInfo.InvariantCulture), seal.Reason);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(canonical)));
    }

    public bool IsGenuine(AccessLogSeal seal) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(MacOf(seal)), Encoding.ASCII.GetBytes(seal.Mac));

    /// <summary>Seals the head in its own chain transaction; null when the head is already sealed (or the log is empty).</summary>
    public async Task<AccessLogSeal?> SealAsync(string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await ChainTransaction.BeginAsync(db, ct);
        var seal = await SealWithinAsync(db, reason, ct);
        await tx.CommitAsync(ct);
        return seal;
    }

    /// <summary>Seals the head inside the caller's chain transaction (which holds the chain's write lock).</summary>
    public async Task<AccessLogSeal?> SealWithinAsync(PortalDbContext db, string reason, CancellationToken ct = default)
    {
        var head = await db.AccessLog.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        var last = await db.AccessLogSeals.AsNoTracking().OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);
        if (head is null || last?.HeadEntryId == head.Id)
        {
            return null;
        }
        var anchored = await db.AccessLogAnchors.MaxAsync(a => (long?)a.ThroughEntryId, ct) ?? 0;
        var seal = new AccessLogSeal
        {
            Number = (last?.Number ?? 0) + 1,
            AtUtc = time.GetUtcNow(),
            HeadEntryId = head.Id,
            HeadHash = head.Hash,
            EntryCount = anchored + await db.AccessLog.LongCountAsync(e => e.Id > anchored && e.Id <= head.Id, ct),
            Reason = reason,
        };
        seal.AtUtc = new DateTimeOffset(seal.AtUtc.UtcTicks - seal.AtUtc.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        seal.Mac = MacOf(seal);
        db.AccessLogSeals.Add(seal);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Access log seal #{Number} ({Reason}): entry {HeadEntryId}, count {EntryCount}, hash {HeadHash}",
            seal.Number, seal.Reason, seal.HeadEntryId, seal.EntryCount, seal.HeadHash);
        return seal;
    }

    /// <summary>The last seal of each city day in the period (only genuine seals).</summary>
    public async Task<IReadOnlyList<DailyHead>> DailyHeadsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = PortalTime.FromCity(from, TimeOnly.MinValue);
        var end = PortalTime.FromCity(to.AddDays(1), TimeOnly.MinValue);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seals = await db.AccessLogSeals.AsNoTracking().Where(s => s.AtUtc >= start && s.AtUtc < end).OrderBy(s => s.Number).ToListAsync(ct);
        return seals.Where(IsGenuine)
            .GroupBy(s => DateOnly.FromDateTime(PortalTime.ToCity(s.AtUtc).DateTime))
            .Select(g => g.Last())
            .Select(s => new DailyHead(DateOnly.FromDateTime(PortalTime.ToCity(s.AtUtc).DateTime), s.Number, s.AtUtc, s.HeadEntryId, s.EntryCount, s.HeadHash))
            .ToList();
    }
}
