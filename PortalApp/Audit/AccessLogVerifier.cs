using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;

namespace PortalApp.Audit;

public sealed record ChainVerification(bool Intact, long EntriesChecked, long? FirstBrokenId, string Message, long? HeadId = null, string? HeadHash = null);

/// <summary>
/// Walks the chain in order and names the first entry that was changed, removed, moved or inserted. After retention
/// the chain starts at the newest anchor, which must match the checkpoint entry that was chained when the anchor was
/// laid. Then it holds the chain to its seals (<see cref="AccessLogSealer"/>): every seal must be genuine and numbered
/// without gaps, the chain must pass through each sealed head with the sealed hash and count, and it must reach the
/// last one. Last, each issued letter's stored PDF must hash to what its issuance entry recorded.
/// </summary>
public sealed class AccessLogVerifier(IDbContextFactory<PortalDbContext> dbFactory, AccessLogSealer sealer)
{
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seals = await db.AccessLogSeals.AsNoTracking().OrderBy(s => s.Number).ToListAsync(ct);
        if (CheckSeals(seals) is { } sealProblem)
        {
            return sealProblem;
        }
        var anchor = await db.AccessLogAnchors.AsNoTracking().OrderByDescending(a => a.ThroughEntryId).FirstOrDefaultAsync(ct);
        var previousHash = anchor?.ThroughEntryHash ?? AccessLogHash.Genesis;
        long expectedId = (anchor?.ThroughEntryId ?? 0) + 1, count = 0;
        var checkpointSeen = anchor is null;
        var sealedAt = seals.ToLookup(s => s.HeadEntryId);
        var lastMatched = seals.LastOrDefault(s => s.HeadEntryId <= (anchor?.ThroughEntryId ?? 0));
        if (anchor is not null && seals.FirstOrDefault(s => s.HeadEntryId == anchor.ThroughEntryId && s.HeadHash != anchor.ThroughEntryHash) is { } removed)
        {
            return Broken(0, anchor.ThroughEntryId, $"the retention anchor's entry {N(anchor.ThroughEntryId)} differs from seal #{removed.Number}");
        }
        var issued = new Dictionary<int, (long EntryId, string Sha256)>();
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
            var entryCount = (anchor?.ThroughEntryId ?? 0) + count + 1;
            foreach (var seal in sealedAt[entry.Id])
            {
                if (seal.HeadHash != entry.Hash || seal.EntryCount != entryCount)
                {
                    var from = (lastMatched?.HeadEntryId ?? 0) + 1;
                    var which = from >= entry.Id ? $"entry {N(entry.Id)} differs from the sealed chain"
                        : $"the chain differs from the sealed chain at entry {N(entry.Id)}: an entry from {N(from)} to {N(entry.Id)} was changed and the hashes after it recomputed";
                    return Broken(count, entry.Id, $"{which} (seal #{seal.Number}: id {N(seal.HeadEntryId)}, count {N(seal.EntryCount)})");
                }
                lastMatched = seal;
            }
            if (LetterIssuance(entry) is { } letter)
            {
                issued[letter.LetterId] = (entry.Id, letter.Sha256);
            }
            previousHash = entry.Hash;
            expectedId++;
            count++;
        }
        if (!checkpointSeen)
        {
            return Broken(count, anchor!.CheckpointEntryId, $"the retention anchor's checkpoint entry {anchor.CheckpointEntryId} is missing");
        }
        var head = count == 0 ? null : (long?)(expectedId - 1);
        if (seals.Count > 0 && seals[^1].HeadEntryId > (head ?? anchor?.ThroughEntryId ?? 0))
        {
            var last = seals[^1];
            var end = head ?? anchor?.ThroughEntryId ?? 0;
            return Broken(count, end + 1, $"entries {N(end + 1)}–{N(last.HeadEntryId)} are missing: seal #{last.Number} (id {N(last.HeadEntryId)}, count {N(last.EntryCount)}) sealed the chain that far, but the log ends at id {N(end)}");
        }
        var letters = await CheckLettersAsync(db, issued, count, ct);
        if (!letters.Intact)
        {
            return letters;
        }
        var start = (anchor?.ThroughEntryId ?? 0) + 1;
        var range = count == 0 ? "no entries" : $"{count} entries ({start}–{head})";
        var retained = anchor is null ? "" : $", entries up to {anchor.ThroughEntryId} removed by retention";
        var sealedText = seals.Count == 0 ? "no seals yet"
            : $"{N(seals.Count)} seals hold (last #{seals[^1].Number} at entry {N(seals[^1].HeadEntryId)}{(head > seals[^1].HeadEntryId ? $"; {N(head.Value - seals[^1].HeadEntryId)} later entries not yet sealed" : "")})";
        return new ChainVerification(true, count, null, $"OK: {range}, chain intact{retained}; {sealedText}; {letters.Message}. Head hash {previousHash}.", head, previousHash);
    }

    /// <summary>Every seal made by the portal's key, numbered 1, 2, 3… (a gap is a deleted seal), heads never going back.</summary>
    private ChainVerification? CheckSeals(List<AccessLogSeal> seals)
    {
        for (var i = 0; i < seals.Count; i++)
        {
            var seal = seals[i];
            if (!sealer.IsGenuine(seal))
            {
                return Broken(0, null, $"seal #{seal.Number} is forged: its HMAC does not match, so the portal's seal key did not make it");
            }
            if (seal.Number != i + 1)
            {
                return Broken(0, null, $"seal #{i + 1} is missing (the next seal is #{seal.Number})");
            }
            if (i > 0 && seal.HeadEntryId <= seals[i - 1].HeadEntryId)
            {
                return Broken(0, null, $"seal #{seal.Number} goes back to entry {N(seal.HeadEntryId)} from seal #{seals[i - 1].Number}'s entry {N(seals[i - 1].HeadEntryId)}");
            }
        }
        return null;
    }

    private static async Task<ChainVerification> CheckLettersAsync(PortalDbContext db, Dictionary<int, (long EntryId, string Sha256)> issued, long count, CancellationToken ct)
    {
        int checkedCount = 0, unrecorded = 0;
        await foreach (var letter in db.Letters.AsNoTracking().Where(l => l.Status == LetterStatus.Issued).OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.Number, l.Pdf, l.PdfSha256 }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!issued.TryGetValue(letter.Id, out var recorded))
            {
                // Issued before issuance entries carried the PDF's hash, or its entry was removed by retention.
                unrecorded++;
                continue;
            }
            var actual = Letters.LetterIssuer.Sha256(letter.Pdf ?? []);
            if (actual != recorded.Sha256 || letter.PdfSha256 != recorded.Sha256)
            {
                return Broken(count, recorded.EntryId,
                    $"letter {letter.Number}'s stored PDF is not the one issued: entry {N(recorded.EntryId)} recorded SHA-256 {recorded.Sha256[..16]}…, the stored PDF hashes to {actual[..16]}…{(letter.PdfSha256 == actual ? " (its hash column was changed to match)" : "")}");
            }
            checkedCount++;
        }
        var rest = unrecorded == 0 ? "" : $" ({N(unrecorded)} issued without a recorded hash not checked)";
        return new ChainVerification(true, count, null, $"{N(checkedCount)} issued letters match their issuance entries{rest}");
    }

    private static (int LetterId, string Sha256)? LetterIssuance(AccessLogEntry entry)
    {
        if (entry.Action != AccessActions.LetterAction || entry.Outcome != AccessOutcomes.Success || entry.Filters is not { } filters
            || !filters.StartsWith("letter=", StringComparison.Ordinal))
        {
            return null;
        }
        var parts = filters.Split("; sha256=");
        return parts.Length == 2 && int.TryParse(parts[0]["letter=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && parts[1].Length == 64
            ? (id, parts[1])
            : null;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static ChainVerification Broken(long count, long? id, string problem) =>
        new(false, count, id, id is null ? $"BROKEN: {problem}." : $"BROKEN at entry {id}: {problem}.");
}
