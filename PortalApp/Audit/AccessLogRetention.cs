using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;

namespace PortalApp.Audit;

/// <summary>
/// Removes entries older than the retention period without breaking verification: first a checkpoint
/// entry is chained that names the last removed entry and its hash, then, in the same transaction, an
/// anchor with the same id and hash is stored and the old entries (and their acknowledgements) deleted.
/// The verifier starts from the anchor and checks it against the checkpoint.
/// </summary>
public sealed class AccessLogRetention(
    IDbContextFactory<PortalDbContext> dbFactory,
    AccessLogWriter writer,
    IOptions<AuditOptions> options,
    TimeProvider time)
{
    public static string CheckpointFilters(long throughId, string throughHash) =>
        $"through={throughId.ToString(CultureInfo.InvariantCulture)};hash={throughHash}";

    /// <summary>Returns how many entries were removed.</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.AuditRetentionDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var anchored = await db.AccessLogAnchors.MaxAsync(a => (long?)a.ThroughEntryId, ct) ?? 0;
        var last = await db.AccessLog.AsNoTracking()
            .Where(e => e.Id > anchored && e.AtUtc < cutoff)
            .OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return 0;
        }
        var removed = (int)await db.AccessLog.CountAsync(e => e.Id <= last.Id, ct);
        var checkpoint = new AccessLogEntry
        {
            UserName = "system",
            Action = AccessActions.Retention,
            Target = $"{removed} entries older than {options.Value.AuditRetentionDays} days removed (through entry {last.Id})",
            Filters = CheckpointFilters(last.Id, last.Hash),
            ResultCount = removed,
            Outcome = AccessOutcomes.Success,
            Source = "system",
        };
        await writer.AppendAsync(checkpoint, async (tx, entry, token) =>
        {
            tx.AccessLogAnchors.Add(new AccessLogAnchor
            {
                AtUtc = entry.AtUtc,
                ThroughEntryId = last.Id,
                ThroughEntryHash = last.Hash,
                CheckpointEntryId = entry.Id,
            });
            await tx.SaveChangesAsync(token);
            await tx.FlagReviews.Where(r => r.AccessLogEntryId <= last.Id).ExecuteDeleteAsync(token);
            await tx.AccessLog.Where(e => e.Id <= last.Id).ExecuteDeleteAsync(token);
        }, ct);
        return removed;
    }
}

/// <summary>Runs retention at startup and then every few hours.</summary>
public sealed class AccessLogRetentionService(
    IServiceScopeFactory scopes,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AccessLogRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(Math.Max(1, options.Value.AuditRetentionCheckHours)), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<AccessLogRetention>().PruneAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Access log retention removed {Count} entries", removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Access log retention failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
