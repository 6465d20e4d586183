using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;

namespace PortalApp.Audit;

/// <summary>
/// What an outside agency (or every one) did in a period: its searches and their filters, the records it viewed and the
/// fields it saw unmasked, the files it exported and the people in them, and every flagged attempt. Every figure
/// is read from the log entries summarised. Built for the city to answer "how did they use our data?".
/// </summary>
public sealed class OversightReportService(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    AccessLogVerifier verifier,
    AccessLogSealer sealer,
    TimeProvider time)
{
    public const int MaxDays = 366;

    public static string? CheckPeriod(DateOnly from, DateOnly to) =>
        to < from ? "The period ends before it starts."
        : to.DayNumber - from.DayNumber >= MaxDays ? $"Choose a period of at most {MaxDays} days."
        : null;

    /// <summary>
    /// Builds the report of one agency (by short name) or, without one, of every agency, and logs the read;
    /// <paramref name="asPdf"/> logs it as an export.
    /// </summary>
    public async Task<OversightReport> BuildAsync(DateOnly from, DateOnly to, bool asPdf = false, ClaimsPrincipal? caller = null,
        string? agency = null, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadAuditLog, caller, ct);
        if (CheckPeriod(from, to) is { } problem)
        {
            throw new ArgumentException(problem);
        }
        var period = new AuditFilter { From = from, To = to };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await period.Apply(db.AccessLog.AsNoTracking())
            .Where(string.IsNullOrEmpty(agency) ? AccessLog.ByAgency : AccessLog.ForAgency(agency))
            .OrderBy(e => e.Id).ToListAsync(ct);
        await accessLog.AppendAsync(new AccessEvent(asPdf ? AccessActions.Export : AccessActions.AuditRead)
        {
            Actor = user,
            Target = asPdf ? "oversight report PDF" : "oversight report",
            Filters = string.IsNullOrEmpty(agency) ? period.Describe() : $"{period.Describe()}; agency: {agency}",
            ResultCount = entries.Count,
        }, ct);
        var chain = await verifier.VerifyAsync(ct);

        var parsed = entries.Select(e => (Entry: e, Split: RecordReach.Split(e.Filters))).ToList();
        var searches = parsed.Where(p => p.Entry.Action == AccessActions.Search).Select(p => new OversightSearch(
            p.Entry.Id, p.Entry.AtUtc, p.Entry.UserName, p.Entry.Purpose, p.Split.Filters, p.Entry.ResultCount,
            p.Split.Reach?.MoreMatches ?? false, p.Split.Reach?.Rows, p.Entry.Outcome, p.Entry.Flagged)).ToList();
        var views = entries.Where(IsView)
            .Select(e => new OversightView(e.Id, e.AtUtc, e.UserName, e.Target, e.RevealedFields, e.Purpose)).ToList();
        var exports = parsed.Where(p => p.Entry.Action == AccessActions.Export).Select(p => new OversightExport(
            p.Entry.Id, p.Entry.AtUtc, p.Entry.UserName, p.Entry.Purpose, p.Split.Filters, p.Entry.ResultCount ?? 0,
            p.Split.Reach?.People?.Count, p.Entry.Outcome, p.Entry.Flagged)).ToList();
        var fields = views.SelectMany(v => (v.RevealedFields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .GroupBy(f => f, StringComparer.Ordinal).Select(g => new OversightField(g.Key, g.Count()))
            .OrderByDescending(f => f.Times).ThenBy(f => f.Field, StringComparer.Ordinal).ToList();
        var flags = parsed.Where(p => p.Entry.Flagged)
            .Select(p => new OversightFlag(p.Entry.Id, p.Entry.AtUtc, p.Entry.UserName, p.Entry.Action, p.Entry.FlagReason, p.Entry.Outcome, p.Split.Filters)).ToList();
        var users = parsed.GroupBy(p => p.Entry.UserName ?? "(unknown)", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OversightUser(g.Key,
                g.Count(p => p.Entry.Action == AccessActions.SignIn && p.Entry.Outcome == AccessOutcomes.Success),
                g.Count(p => p.Entry.Action == AccessActions.Search),
                g.Count(p => IsView(p.Entry)),
                g.Where(p => IsView(p.Entry)).Select(p => p.Entry.Target).Distinct(StringComparer.Ordinal).Count(),
                exports.Count(x => x.UserName == g.First().Entry.UserName && x.Delivered),
                exports.Where(x => x.UserName == g.First().Entry.UserName && x.Delivered).Sum(x => x.Rows),
                Reached(g).Count,
                g.Count(p => p.Entry.Flagged)))
            .ToList();
        var totals = new OversightTotals(
            views.Select(v => v.Target).Distinct(StringComparer.Ordinal).Count(),
            exports.Count(x => x.Delivered),
            exports.Where(x => x.Delivered).Sum(x => x.Rows),
            parsed.SelectMany(p => ExportedPeople(p) ?? Enumerable.Empty<int>()).Distinct().Count(),
            Reached(parsed).Count);
        var heads = await sealer.DailyHeadsAsync(from, to, ct);
        return new OversightReport(from, to, string.IsNullOrEmpty(agency) ? null : agency, time.GetUtcNow(), user.Identity?.Name ?? "", chain, users, searches, views, exports, fields, flags, totals, heads);
    }

    private static bool IsView(AccessLogEntry e) => e.Action == AccessActions.RecordView && e.Outcome == AccessOutcomes.Success;

    /// <summary>The people in a delivered export file; null for any other entry (a refused or withheld export has none).</summary>
    private static IReadOnlySet<int>? ExportedPeople((AccessLogEntry Entry, (string? Filters, RecordReach? Reach) Split) p) =>
        p.Entry.Action == AccessActions.Export && p.Entry.Outcome == AccessOutcomes.Success ? p.Split.Reach?.People : null;

    /// <summary>Distinct people viewed or exported.</summary>
    private static HashSet<int> Reached(IEnumerable<(AccessLogEntry Entry, (string? Filters, RecordReach? Reach) Split)> entries)
    {
        var people = new HashSet<int>();
        foreach (var p in entries)
        {
            if (IsView(p.Entry) && RecordReach.PersonOf(p.Entry.Target) is { } viewed)
            {
                people.Add(viewed);
            }
            people.UnionWith(ExportedPeople(p) ?? new HashSet<int>());
        }
        return people;
    }
}
