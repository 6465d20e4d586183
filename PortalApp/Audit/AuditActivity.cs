using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;

namespace PortalApp.Audit;

/// <summary>Counts per city day; one series per role and party or agency ("AgencyLiaison · Agency").</summary>
public sealed record ActivitySeries(string Name, IReadOnlyList<double> PerDay)
{
    public int Total => (int)PerDay.Sum();
}

public sealed record AuditActivityChart(IReadOnlyList<string> Days, IReadOnlyList<ActivitySeries> Series)
{
    public int Total => Series.Sum(s => s.Total);
}

/// <summary>The charts; <see cref="RowsExported"/> counts rows per day, beside it the files and the distinct people in them.</summary>
public sealed record AuditActivityReport(
    DateOnly From, DateOnly To, AuditActivityChart Searches, AuditActivityChart RecordViews, AuditActivityChart RowsExported,
    int ExportFiles, int PeopleExported, AuditActivityChart Flagged)
{
    public string ExportCaption =>
        $"{OversightReport.N(RowsExported.Total)} rows in {OversightReport.N(ExportFiles)} export files, {OversightReport.N(PeopleExported)} distinct people, in the period";
}

/// <summary>
/// The charts of /audit: searches, records viewed and record rows exported per day by role and agency (those
/// that were carried out), and flagged attempts (refused or not). Exports count only files handed over, with the
/// people in them as their log entries record.
/// </summary>
public sealed class AuditActivity(IDbContextFactory<PortalDbContext> dbFactory, Capabilities capabilities, AccessLogReader reader)
{
    public const int MaxDays = 92;

    public async Task<AuditActivityReport> BuildAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadAuditLog, ct: ct);
        if (to < from)
        {
            (from, to) = (to, from);
        }
        if (to.DayNumber - from.DayNumber >= MaxDays)
        {
            from = to.AddDays(-(MaxDays - 1));
        }
        var period = new AuditFilter { From = from, To = to };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await period.Apply(db.AccessLog.AsNoTracking())
            .Where(e => e.Flagged || e.Action == AccessActions.Search || e.Action == AccessActions.RecordView || e.Action == AccessActions.Export)
            .Select(e => new { e.AtUtc, e.Action, e.Role, e.PartyOrAgency, e.Flagged, e.Outcome, e.ResultCount, e.Target, Filters = e.Action == AccessActions.Export ? e.Filters : null })
            .ToListAsync(ct);
        await reader.LogReadOnceAsync(user, "activity charts", period.Describe(), rows.Count, ct);

        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var points = rows.Select(r => new Point(
            DateOnly.FromDateTime(PortalTime.ToCity(r.AtUtc).DateTime), r.Action, Group(r.Role, r.PartyOrAgency), r.Flagged, r.Outcome == AccessOutcomes.Success,
            r.ResultCount ?? 0, r.Action == AccessActions.Export ? RecordReach.Split(r.Filters).Reach?.People : null,
            r.Action == AccessActions.Export && r.Target == RecordReach.RecordsTarget)).ToList();
        // Record files only (not the auditors' own downloads); one logged before exports recorded people counts its rows.
        var files = points.Where(p => p.RecordExport && p.Succeeded && (p.People is not null || p.Rows > 0)).ToList();
        var labels = days.Select(d => d.ToString("MMM d", CultureInfo.InvariantCulture)).ToList();
        return new AuditActivityReport(from, to,
            Chart(labels, days, points.Where(p => p.Action == AccessActions.Search && p.Succeeded)),
            Chart(labels, days, points.Where(p => p.Action == AccessActions.RecordView && p.Succeeded)),
            Chart(labels, days, files, p => p.Rows),
            files.Count,
            files.SelectMany(p => p.People ?? new HashSet<int>()).Distinct().Count(),
            Chart(labels, days, points.Where(p => p.Flagged)));
    }

    private static string Group(string? role, string? partyOrAgency) =>
        (role ?? "anonymous") + (partyOrAgency is null ? "" : $" · {partyOrAgency}");

    private static AuditActivityChart Chart(List<string> labels, List<DateOnly> days, IEnumerable<Point> points, Func<Point, int>? weight = null)
    {
        var index = days.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var series = points.GroupBy(p => p.Group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var perDay = new double[days.Count];
            foreach (var p in g)
            {
                if (index.TryGetValue(p.Day, out var i))
                {
                    perDay[i] += weight?.Invoke(p) ?? 1;
                }
            }
            return new ActivitySeries(g.Key, perDay);
        }).ToList();
        return new AuditActivityChart(labels, series);
    }

    private sealed record Point(DateOnly Day, string Action, string Group, bool Flagged, bool Succeeded, int Rows, IReadOnlySet<int>? People, bool RecordExport);
}
