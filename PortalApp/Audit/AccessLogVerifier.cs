using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace PortalApp.Audit;

public sealed record ChainVerification(bool Intact, long EntriesChecked, long? FirstBrokenId, string Message, long? HeadId = null, string? HeadHash = null);

/// <summary>
/// Walks the chain in order and names the first entry that was changed, removed, moved or inserted.
/// After retention the chain starts at the newest anchor, which must match the checkpoint entry that
/// was chained when the anchor was laid.
/// </summary>
public sealed class AccessLogVerifier(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var anchor = await db.AccessLogAnchors.AsNoTracking().OrderByDescending(a => a.ThroughEntryId).FirstOrDefaultAsync(ct);
        var previousHash = anchor?.ThroughEntryHash ?? AccessLogHash.Genesis;
        long expectedId = (anchor?.ThroughEntryId ?? 0) + 1, count = 0;
        var checkpointSeen = anchor is null;
        await foreach (var entry in db.AccessLog.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var problem = entry.Id < expectedId ? (entry.Id, $"entry {entry.Id} was inserted out of place")
                : entry.Id > expectedId ? (expectedId, $"entry {expectedId} is missing (the next entry is {entry.Id})")
                : entry.PreviousHash != previousHash ? (entry.Id, $"entry {entry.Id} does not follow the entry before it (it, or the one before it, was changed or moved)")
                : AccessLogHash.Compute(entry) != entry.Hash ? (entry.Id, $"entry {entry.Id} was altered")
                : default((long Id, string Text)?);
            if (problem is { } p)
            {
                return Broken(count, p.Id, p.Text);
            }
            if (anchor is not null && entry.Id == anchor.CheckpointEntryId)
            {
                if (entry.Action != AccessActions.Retention || entry.Filters != AccessLogRetention.CheckpointFilters(anchor.ThroughEntryId, anchor.ThroughEntryHash))
                {
                    return Broken(count, entry.Id, $"the retention anchor does not match checkpoint entry {entry.Id}");
                }
                checkpointSeen = true;
            }
            previousHash = entry.Hash;
            expectedId++;
            count++;
        }
        if (!checkpointSeen)
        {
            return Broken(count, anchor!.CheckpointEntryId, $"the retention anchor's checkpoint entry {anchor.CheckpointEntryId} is missing");
        }
        var from = (anchor?.ThroughEntryId ?? 0) + 1;
        var head = count == 0 ? null : (long?)(expectedId - 1);
        var range = count == 0 ? "no entries" : $"{count} entries ({from}–{head})";
        var retained = anchor is null ? "" : $", entries up to {anchor.ThroughEntryId} removed by retention";
        return new ChainVerification(true, count, null, $"OK: {range}, chain intact{retained}. Head hash {previousHash}.", head, previousHash);
    }

    private static ChainVerification Broken(long count, long id, string problem) =>
        new(false, count, id, $"BROKEN at entry {id}: {problem}.");
}
