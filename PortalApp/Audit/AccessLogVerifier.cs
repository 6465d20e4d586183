using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace PortalApp.Audit;

public sealed record ChainVerification(bool Intact, long EntriesChecked, long? FirstBrokenId, string Message);

/// <summary>Walks the chain in order and names the first entry that was changed, removed or moved.</summary>
public sealed class AccessLogVerifier(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var previousHash = AccessLogHash.Genesis;
        long expectedId = 1, count = 0;
        await foreach (var entry in db.AccessLog.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            string? problem = null;
            if (entry.Id != expectedId)
            {
                problem = $"entry {expectedId} is missing (next is {entry.Id})";
            }
            else if (entry.PreviousHash != previousHash)
            {
                problem = $"entry {entry.Id} does not follow the entry before it";
            }
            else if (AccessLogHash.Compute(entry) != entry.Hash)
            {
                problem = $"entry {entry.Id} was altered";
            }
            if (problem is not null)
            {
                var brokenId = Math.Min(expectedId, entry.Id);
                return new ChainVerification(false, count, brokenId, $"BROKEN at entry {brokenId}: {problem}.");
            }
            previousHash = entry.Hash;
            expectedId++;
            count++;
        }
        return new ChainVerification(true, count, null, $"OK: {count} entries, chain intact.");
    }
}
