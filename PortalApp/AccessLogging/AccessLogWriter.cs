using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;
using Portal.Data.Entities;

namespace PortalApp.AccessLogging;

/// <summary>A change that must commit together with its log entry, or not at all.</summary>
public delegate Task LoggedChange(PortalDbContext db, AccessLogEntry entry, CancellationToken ct);

/// <summary>
/// Appends entries to the hash chain. Appends are serialized in-process by a semaphore and across
/// processes by the chain's write lock (<see cref="ChainTransaction"/> takes it before the chain's head is read), so each
/// entry links to the one before it. The time is stamped inside the lock, so ids and times agree.
/// Plain appends (no change alongside) are group-committed: those that arrive while a commit is under way
/// wait in a queue and the next commit stores them all in one transaction, so a thousand circuits searching
/// at once cost a few fsyncs, not a thousand. Each caller still awaits its own entry's commit.
/// </summary>
public sealed class AccessLogWriter(
    IDbContextFactory<PortalDbContext> dbFactory,
    AccessLogHealth health,
    TimeProvider time,
    ILogger<AccessLogWriter> logger)
{
    // Entries are kept to the hundredth of a second.
    private const long HundredthTicks = TimeSpan.TicksPerMillisecond * 10;

    /// <summary>The most entries one group commit stores; the rest wait for the next.</summary>
    private const int MaxGroup = 256;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<Pending> queue = [];
    private bool flushing;

    private sealed record Pending(AccessLogEntry Entry, TaskCompletionSource<AccessLogEntry> Stored);

    public Task<AccessLogEntry> AppendAsync(AccessLogEntry entry, LoggedChange? alongside = null, CancellationToken ct = default) =>
        alongside is null ? EnqueueAsync(entry, ct) : AppendWithChangeAsync(entry, alongside, ct);

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
            await InsertAsync(db, [entry], ct);
            return entry;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Failed(ex);
        }
    }

    private async Task<AccessLogEntry> AppendWithChangeAsync(AccessLogEntry entry, LoggedChange alongside, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            IDbContextTransaction tx;
            try
            {
                tx = await ChainTransaction.BeginAsync(db, ct);
                await InsertAsync(db, [entry], ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw Failed(ex);
            }

            await using (tx)
            {
                // The feature's change: its own errors (a rule, a unique index) roll both back and are not log failures.
                await alongside(db, entry, ct);
                await db.SaveChangesAsync(ct);
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
    /// Queues the entry and, when no group commit is running, starts one. The caller's token only stops it from
    /// joining the queue: once queued, the entry is committed or failed with its group, and the caller hears which.
    /// </summary>
    private Task<AccessLogEntry> EnqueueAsync(AccessLogEntry entry, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new Pending(entry, new TaskCompletionSource<AccessLogEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (queue)
        {
            queue.Add(pending);
            start = !flushing;
            flushing = true;
        }
        if (start)
        {
            _ = Task.Run(FlushAsync, CancellationToken.None);
        }
        return pending.Stored.Task;
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            List<Pending> group;
            lock (queue)
            {
                if (queue.Count == 0)
                {
                    flushing = false;
                    return;
                }
                group = queue.GetRange(0, Math.Min(MaxGroup, queue.Count));
                queue.RemoveRange(0, group.Count);
            }
            await gate.WaitAsync();
            try
            {
                await CommitGroupAsync(group);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>One transaction for the group; if it fails, each entry is tried alone, so one bad entry fails only its caller.</summary>
    private async Task CommitGroupAsync(List<Pending> group)
    {
        try
        {
            await CommitAsync(group.Select(p => p.Entry).ToList());
            group.ForEach(p => p.Stored.TrySetResult(p.Entry));
            return;
        }
        catch (Exception ex) when (group.Count == 1)
        {
            group[0].Stored.TrySetException(Failed(ex));
            return;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A group commit of {Count} access-log entries failed; committing them one by one", group.Count);
        }
        foreach (var pending in group)
        {
            try
            {
                await CommitAsync([pending.Entry]);
                pending.Stored.TrySetResult(pending.Entry);
            }
            catch (Exception ex)
            {
                pending.Stored.TrySetException(Failed(ex));
            }
        }
    }

    private async Task CommitAsync(IReadOnlyList<AccessLogEntry> entries)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await ChainTransaction.BeginAsync(db, CancellationToken.None);
        await InsertAsync(db, entries, CancellationToken.None);
        await tx.CommitAsync();
    }

    /// <summary>Links the entries, in order, after the chain's current head and saves them (one round trip).</summary>
    private async Task InsertAsync(PortalDbContext db, IReadOnlyList<AccessLogEntry> entries, CancellationToken ct)
    {
        var last = await db.AccessLog.AsNoTracking().OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow().UtcTicks;
        var at = new DateTimeOffset(now - now % HundredthTicks, TimeSpan.Zero);
        var (id, previous) = (last?.Id ?? 0, last?.Hash ?? AccessLogHash.Genesis);
        foreach (var entry in entries)
        {
            entry.AtUtc = at;
            entry.Id = ++id;
            entry.PreviousHash = previous;
            entry.Hash = previous = AccessLogHash.Compute(entry);
            db.AccessLog.Add(entry);
        }
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
