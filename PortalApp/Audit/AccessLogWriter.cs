using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;
using Portal.Data.Entities;

namespace PortalApp.Audit;

/// <summary>A change that must commit together with its log entry, or not at all.</summary>
public delegate Task LoggedChange(PortalDbContext db, AccessLogEntry entry, CancellationToken ct);

/// <summary>
/// Appends entries to the hash chain. Appends are serialized in-process by a semaphore and across
/// processes by the chain's write lock (<see cref="ChainTransaction"/> takes it before the chain's head is read), so each
/// entry links to the one before it. The time is stamped inside the lock, so ids and times agree.
/// </summary>
public sealed class AccessLogWriter(
    IDbContextFactory<PortalDbContext> dbFactory,
    AccessLogHealth health,
    TimeProvider time,
    ILogger<AccessLogWriter> logger)
{
    // Entries are kept to the hundredth of a second.
    private const long HundredthTicks = TimeSpan.TicksPerMillisecond * 10;

    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<AccessLogEntry> AppendAsync(AccessLogEntry entry, LoggedChange? alongside = null, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            IDbContextTransaction tx;
            try
            {
                tx = await ChainTransaction.BeginAsync(db, ct);
                await InsertAsync(db, entry, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw Failed(ex);
            }

            await using (tx)
            {
                // The feature's change: its own errors (a rule, a unique index) roll both back and are not log failures.
                if (alongside is not null)
                {
                    await alongside(db, entry, ct);
                    await db.SaveChangesAsync(ct);
                }
                try
                {
                    await tx.CommitAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw Failed(ex);
                }
            }
            return entry;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Appends inside the caller's open transaction (begun with <see cref="ChainTransaction"/>, so it already holds
    /// the chain's write lock); the entry commits or rolls back with the change it records. The in-process
    /// gate is not taken: waiting for it while holding the lock could deadlock with <see cref="AppendAsync"/>.
    /// </summary>
    public async Task<AccessLogEntry> AppendWithinAsync(PortalDbContext db, AccessLogEntry entry, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("AppendWithinAsync needs an open transaction.");
        }
        try
        {
            await InsertAsync(db, entry, ct);
            return entry;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Failed(ex);
        }
    }

    private async Task InsertAsync(PortalDbContext db, AccessLogEntry entry, CancellationToken ct)
    {
        var last = await db.AccessLog.AsNoTracking().OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow().UtcTicks;
        entry.AtUtc = new DateTimeOffset(now - now % HundredthTicks, TimeSpan.Zero);
        entry.Id = (last?.Id ?? 0) + 1;
        entry.PreviousHash = last?.Hash ?? AccessLogHash.Genesis;
        entry.Hash = AccessLogHash.Compute(entry);
        db.AccessLog.Add(entry);
        await db.SaveChangesAsync(ct);
    }

    private AccessLogUnavailableException Failed(Exception ex)
    {
        logger.LogError(ex, "The access log could not be written");
        health.Failed(ex);
        return new AccessLogUnavailableException(ex);
    }
}

public sealed class AccessLogUnavailableException(Exception inner)
    : InvalidOperationException("The access log could not be written, so the action was not carried out.", inner);
