using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace PortalApp.Audit;

/// <summary>
/// Appends entries to the hash chain. Appends are serialized in-process by a semaphore and across
/// processes by SQLite's write lock (BEGIN IMMEDIATE), so each entry links to the one before it.
/// </summary>
public sealed class AccessLogWriter(IDbContextFactory<PortalDbContext> dbFactory, AccessLogHealth health)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<AccessLogEntry> AppendAsync(AccessLogEntry entry, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await LinkAndSaveAsync(db, entry, ct);
            await tx.CommitAsync(ct);
            return entry;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            health.Failed(ex);
            throw new AccessLogUnavailableException(ex);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Appends inside the caller's open transaction, so the entry commits or rolls back with the change it records.
    /// The transaction already holds SQLite's write lock, which serializes the chain; the in-process gate is
    /// not taken, because waiting for it while holding the lock could deadlock with <see cref="AppendAsync"/>.
    /// </summary>
    public async Task<AccessLogEntry> AppendWithinAsync(PortalDbContext db, AccessLogEntry entry, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("AppendWithinAsync needs an open transaction.");
        }
        try
        {
            await LinkAndSaveAsync(db, entry, ct);
            return entry;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            health.Failed(ex);
            throw new AccessLogUnavailableException(ex);
        }
    }

    private static async Task LinkAndSaveAsync(PortalDbContext db, AccessLogEntry entry, CancellationToken ct)
    {
        var last = await db.AccessLog.AsNoTracking().OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        entry.Id = (last?.Id ?? 0) + 1;
        entry.PreviousHash = last?.Hash ?? AccessLogHash.Genesis;
        entry.Hash = AccessLogHash.Compute(entry);
        db.AccessLog.Add(entry);
        await db.SaveChangesAsync(ct);
    }
}

public sealed class AccessLogUnavailableException(Exception inner)
    : InvalidOperationException("The access log could not be written, so the action was not carried out.", inner);
