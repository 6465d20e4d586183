using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using PortalApp.AccessLogging;
using PortalApp.Common;
using PortalApp.Records;

namespace PortalApp.Transparency;

/// <summary>
/// Each agency's use per city month (by the agency its liaisons' entries name), kept in memory and brought up to date on each read by reading only the log
/// entries written since the last read (an indexed range of ids). The log is append-only and every append holds the
/// chain's lock until it commits, so ids become visible in order: once the highest id is seen, no lower one can
/// still appear. Retention is the one thing that removes entries; when its anchor moves, the tally starts again, so
/// the figures always equal a count of the log as it is (each instance keeps its own tally and stays exact).
/// </summary>
public sealed class AgencyUseTally(IDbContextFactory<PortalDbContext> dbFactory, IOptions<RecordsOptions> options)
{
    /// <summary>Ids read per query, so a first read of a long log never holds more than this many entries at once.</summary>
    private const long Batch = 20_000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private Tally tally = new(0);

    /// <summary>The highest log id counted so far (for tests and the docs' claim that reads are incremental).</summary>
    public long ReadThrough => tally.ReadThrough;

    /// <summary>
    /// Each agency's exact counts per month, oldest first; <paramref name="agreementsOf"/> names the agreements an
    /// agency's short name stands for (entries written before agencies were data name "Agency").
    /// </summary>
    public async Task<IReadOnlyList<MonthlyUse>> MonthsAsync(IReadOnlyDictionary<string, string> agreementsOf, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var anchor = await db.AccessLogAnchors.MaxAsync(a => (long?)a.ThroughEntryId, ct) ?? 0;
            if (anchor != tally.Anchor)
            {
                tally = new Tally(anchor);
            }
            var head = await db.AccessLog.MaxAsync(e => (long?)e.Id, ct) ?? 0;
            while (tally.ReadThrough < head)
            {
                var (from, to) = (tally.ReadThrough, Math.Min(head, tally.ReadThrough + Batch));
                var rows = await db.AccessLog.AsNoTracking().Where(e => e.Id > from && e.Id <= to).Where(AccessLog.ByAgency)
                    .Select(e => new UseEntry(e.PartyOrAgency ?? AccessLog.Agency, e.AtUtc, e.Action, e.Outcome, e.Flagged, e.Target, e.ResultCount))
                    .ToListAsync(ct);
                foreach (var row in rows)
                {
                    tally.Add(row, options.Value);
                }
                tally.ReadThrough = to;
            }
            return [.. tally.Months.Select(m => new MonthlyUse(m.Key.Agency, agreementsOf.GetValueOrDefault(m.Key.Agency, ""), m.Key.Year, m.Key.Month, m.Value.Searches, m.Value.People.Count,
                m.Value.RowsExported, m.Value.RefusedOrFlagged, m.Value.UseEvents, m.Value.OutsideHours))];
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed record UseEntry(string Agency, DateTimeOffset AtUtc, string Action, string Outcome, bool Flagged, string? Target, int? ResultCount);

    private sealed class Tally(long anchor)
    {
        public long Anchor { get; } = anchor;
        public long ReadThrough { get; set; } = anchor;
        public SortedDictionary<(string Agency, int Year, int Month), MonthTally> Months { get; } = [];

        public void Add(UseEntry e, RecordsOptions hours)
        {
            var city = Common.PortalTime.ToCity(e.AtUtc);
            if (!Months.TryGetValue((e.Agency, city.Year, city.Month), out var month))
            {
                Months[(e.Agency, city.Year, city.Month)] = month = new MonthTally();
            }
            var success = e.Outcome == AccessOutcomes.Success;
            if (e.Action is AccessActions.Search or AccessActions.RecordView or AccessActions.Export)
            {
                month.UseEvents++;
                if (!hours.IsWithinAgencyHours(e.AtUtc))
                {
                    month.OutsideHours++;
                }
            }
            if (success && e.Action == AccessActions.Search)
            {
                month.Searches++;
            }
            if (success && e.Action == AccessActions.RecordView && RecordReach.PersonOf(e.Target) is { } person)
            {
                month.People.Add(person);
            }
            if (success && e.Action == AccessActions.Export)
            {
                month.RowsExported += e.ResultCount ?? 0;
            }
            if (e.Flagged || e.Outcome == AccessOutcomes.Refused)
            {
                month.RefusedOrFlagged++;
            }
        }
    }
}

/// <summary>One month's counts; <see cref="People"/> holds the distinct people viewed, only to count them.</summary>
internal sealed class MonthTally
{
    public long Searches { get; set; }
    public HashSet<int> People { get; } = [];
    public long RowsExported { get; set; }
    public long RefusedOrFlagged { get; set; }
    public long UseEvents { get; set; }
    public long OutsideHours { get; set; }
}
