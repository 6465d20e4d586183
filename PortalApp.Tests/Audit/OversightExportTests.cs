using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Audit;
using PortalApp.Records;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Records;
using UglyToad.PdfPig;
using PortalApp.AccessLogging;
using PortalApp.Common;

namespace PortalApp.Tests.Audit;

/// <summary>
/// A liaison's day and a half of searches, a view and exports, on its own portal (low volume limits, a small result
/// window, a clock the test moves), and the oversight report, charts, page and PDF the auditor gets from that log.
/// </summary>
public sealed partial class OversightExportTests(OversightExportTests.Host host) : MudComponentTest, IClassFixture<OversightExportTests.Host>
{
    private const int PerHour = 30;
    private const int PerDay = 45;
    private const int Window = 200;

    public sealed class Host : PortalHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:LiaisonMaxPeoplePerHour", PerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Portal:LiaisonMaxPeoplePerDay", PerDay.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Portal:MaxResultWindow", Window.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Counted a little past the page only, so the report's "more than N" lines have a capped search to show.
            builder.UseSetting("Portal:ExactCountUpTo", "0");
        }
    }

    private sealed record Arrestee(int PersonId, int District, DateTimeOffset ArrestedUtc);

    [Fact]
    public async Task TheReportCountsEveryFileRowAndPersonTheLiaisonExportedAndFlagsTheExportsOverTheLimits()
    {
        List<Arrestee> arrestees;
        await using (var db = await RecordTestData.DbAsync(host))
        {
            arrestees = await db.Involvements.AsNoTracking().Where(i => i.Role == InvolvementRole.Arrestee)
                .Select(i => new Arrestee(i.PersonId, i.District, i.ArrestedUtc)).ToListAsync();
        }
        Assert.True(arrestees.Count > Window, "the demo needs more arrestees than the result window");
        var byDistrict = arrestees.GroupBy(a => a.District).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        var (dA, dB, dC, dD, dE) = (byDistrict[0].Key, byDistrict[1].Key, byDistrict[2].Key, byDistrict[3].Key, byDistrict[4].Key);
        HashSet<int> People(int district) => [.. arrestees.Where(a => a.District == district).Select(a => a.PersonId)];
        int Rows(int district) => arrestees.Count(a => a.District == district);
        var (pA, pB, pC, pD, pE) = (People(dA), People(dB), People(dC), People(dD), People(dE));
        var viewed = arrestees.Select(a => a.PersonId).First(p => !pA.Contains(p) && !pB.Contains(p) && !pC.Contains(p) && !pD.Contains(p) && !pE.Contains(p));
        // A "from" date that leaves more than one page's counting window (20 rows at one per page) and less than ten's.
        var newest = arrestees.OrderByDescending(a => a.ArrestedUtc).ToList();
        var fromDay = DateOnly.FromDateTime(PortalTime.ToCity(newest[60].ArrestedUtc).DateTime);
        var sinceFrom = arrestees.Count(a => a.ArrestedUtc >= PortalTime.FromCity(fromDay, TimeOnly.MinValue));
        Assert.InRange(sinceFrom, 21, Window - 1);
        var lonelyDay = arrestees.GroupBy(a => DateOnly.FromDateTime(PortalTime.ToCity(a.ArrestedUtc).DateTime)).First(g => g.Count() < 5).Key;

        var day = DateOnly.FromDateTime(PortalTime.ToCity(host.Time.GetUtcNow()).DateTime).AddDays(1);
        await using var scope = await host.ScopeAsAsync("liaison@portal.local");
        var records = scope.ServiceProvider.GetRequiredService<RecordSearchService>();

        MoveTo(day, 10, 0);
        await RecordTestData.StatePurposeAsync(scope);
        var capped = await records.SearchAsync(new RecordQuery { PageSize = 1 });
        Assert.Equal((20, true), (capped.Total, capped.TotalIsCapped));
        var recent = await records.SearchAsync(new RecordQuery { PageSize = 10, From = fromDay });
        Assert.Equal((sinceFrom, false), (recent.Total, recent.TotalIsCapped));
        Assert.NotNull((await records.ViewAsync(viewed)).Detail);
        var first = await ExportAsync(records, new RecordQuery { District = dA }, Rows(dA));
        Assert.False(first.Flagged);
        var withheld = await records.ExportAsync(new RecordQuery { From = lonelyDay, To = lonelyDay });
        Assert.Null(withheld.Csv);

        MoveTo(day, 12, 0);
        Assert.False((await ExportAsync(records, new RecordQuery { District = dB }, Rows(dB))).Flagged);
        MoveTo(day, 12, 5);
        var overHour = await ExportAsync(records, new RecordQuery { District = dC }, Rows(dC));
        var hourCount = pB.Union(pC).Count();
        var dayCount = pA.Union(pB).Union(pC).Append(viewed).Distinct().Count();
        Assert.True(hourCount > PerHour && dayCount > PerDay, "the districts are too small for the limits");
        Assert.Equal($"volume: {hourCount} distinct people viewed or exported in an hour (limit {PerHour}); volume: {dayCount} distinct people viewed or exported in a day (limit {PerDay})", overHour.FlagReason);

        MoveTo(day, 15, 0);
        var overDay = await ExportAsync(records, new RecordQuery { District = dD }, Rows(dD));
        var dayCount2 = pA.Union(pB).Union(pC).Union(pD).Append(viewed).Distinct().Count();
        Assert.True(pD.Count <= PerHour);
        Assert.Equal($"volume: {dayCount2} distinct people viewed or exported in a day (limit {PerDay})", overDay.FlagReason);

        MoveTo(day, 22, 0);
        await RecordTestData.StatePurposeAsync(scope);
        await records.SearchAsync(new RecordQuery());
        var lateSearch = await RecordTestData.LastLogAsync(host);
        Assert.Equal("outside agency hours (07:00–19:00 ET)", lateSearch.FlagReason);

        MoveTo(day.AddDays(1), 23, 30);
        await RecordTestData.StatePurposeAsync(scope);
        var lateExport = await ExportAsync(records, new RecordQuery { District = dE }, Rows(dE));
        Assert.Equal("outside agency hours (07:00–19:00 ET)", lateExport.FlagReason);

        var exported = pA.Union(pB).Union(pC).Union(pD).Union(pE).ToHashSet();
        var rows = Rows(dA) + Rows(dB) + Rows(dC) + Rows(dD) + Rows(dE);
        var expectedSummary = $"3 searches, 1 record views of 1 distinct records, 5 export files ({rows:N0} rows, {exported.Count:N0} distinct people), "
            + $"{exported.Count + 1:N0} distinct people reached by views and exports, 4 flagged attempts.";

        await using var auditor = await host.ScopeAsAsync("auditor@portal.local");
        var report = await auditor.ServiceProvider.GetRequiredService<OversightReportService>().BuildAsync(day, day.AddDays(1));
        Assert.Equal(expectedSummary, report.Summary);
        Assert.Equal(
            ["1 shown of more than 20 matches", $"10 shown of {sinceFrom} matches", "25 shown of more than 200 matches"],
            report.Searches.Select(s => s.Results));
        Assert.Equal(
            [$"{Rows(dA)} rows, {pA.Count} distinct people", "no file", $"{Rows(dB)} rows, {pB.Count} distinct people",
             $"{Rows(dC)} rows, {pC.Count} distinct people", $"{Rows(dD)} rows, {pD.Count} distinct people", $"{Rows(dE)} rows, {pE.Count} distinct people"],
            report.Exports.Select(x => x.Results));
        Assert.Equal([overHour.Id, overDay.Id, lateSearch.Id, lateExport.Id], report.Flags.Select(f => f.EntryId));
        Assert.DoesNotContain(report.Flags, f => f.Filters?.Contains(RecordReach.Separator) ?? false);
        var liaison = Assert.Single(report.Users);
        Assert.Equal(new OversightUser("liaison@portal.local", 0, 3, 1, 1, 5, rows, exported.Count + 1, 4), liaison);

        var pending = await auditor.ServiceProvider.GetRequiredService<FlagReviewQueue>().PendingAsync();
        Assert.Contains(pending, p => p.EntryId == overHour.Id && p.FlagReason == overHour.FlagReason);

        var charts = await auditor.ServiceProvider.GetRequiredService<AuditActivity>().BuildAsync(day, day.AddDays(1));
        Assert.Equal((rows, 5, exported.Count), (charts.RowsExported.Total, charts.ExportFiles, charts.PeopleExported));
        Assert.Equal(3, charts.Searches.Total);

        // The page and the PDF print the same figures.
        var page = RenderWithMud<OversightReportView>(p => p.Add(v => v.Report, report));
        Assert.Equal(expectedSummary, page.Find("[data-testid=report-summary]").TextContent.Trim());
        Assert.Equal(
            ["liaison@portal.local", "0", "3", "1", "1", "5", $"{rows:N0}", $"{exported.Count + 1:N0}", "4"],
            page.Find("[data-testid=report-user]").QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Contains($"10 shown of {sinceFrom} matches", page.Find("[data-testid=report-searches]").TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Rows(dC)} rows, {pC.Count} distinct people", page.Find("[data-testid=report-exports]").TextContent, StringComparison.Ordinal);

        var pdf = PdfText(OversightReportPdf.Render(report));
        Assert.Contains(expectedSummary, pdf, StringComparison.Ordinal);
        Assert.Contains(OversightReport.UserLine(liaison), pdf, StringComparison.Ordinal);
        foreach (var line in report.Searches.Select(s => s.Results).Concat(report.Exports.Select(x => x.Results)).Append(overHour.FlagReason!))
        {
            Assert.Contains(line, pdf, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("people=", pdf, StringComparison.Ordinal);
    }

    private void MoveTo(DateOnly cityDay, int hour, int minute) =>
        host.Time.Advance(PortalTime.FromCity(cityDay, new TimeOnly(hour, minute)) - host.Time.GetUtcNow());

    private async Task<AccessLogEntry> ExportAsync(RecordSearchService records, RecordQuery query, int expectedRows)
    {
        var export = await records.ExportAsync(query);
        Assert.Equal(expectedRows, export.Rows);
        var entry = await RecordTestData.LastLogAsync(host, AccessActions.Export);
        Assert.Equal(expectedRows, entry.ResultCount);
        return entry;
    }

    internal static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return Spaces().Replace(string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))), " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
