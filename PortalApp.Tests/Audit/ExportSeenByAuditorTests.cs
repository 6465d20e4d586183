using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Common;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Records;

namespace PortalApp.Tests.Audit;

/// <summary>The whole path on its own portal: the liaison downloads /records/export.csv, the auditor downloads the report.</summary>
public sealed class ExportSeenByAuditorTests(ExportSeenByAuditorTests.Host host) : IClassFixture<ExportSeenByAuditorTests.Host>
{
    public sealed class Host : PortalHost;

    [Fact]
    public async Task AnExportDownloadedInAgencyHoursIsInTheAuditorsReportWithItsRowsPeopleAndVolumeFlags()
    {
        var now = PortalTime.ToCity(host.Time.GetUtcNow());
        var day = DateOnly.FromDateTime(now.DateTime).AddDays(1);
        host.Time.Advance(PortalTime.FromCity(day, new TimeOnly(10, 30)) - host.Time.GetUtcNow());
        int rows, people;
        await using (var db = await RecordTestData.DbAsync(host))
        {
            var arrestees = db.Involvements.AsNoTracking().Where(i => i.Role == InvolvementRole.Arrestee);
            (rows, people) = (await arrestees.CountAsync(), await arrestees.Select(i => i.PersonId).Distinct().CountAsync());
        }
        await using (var scope = await host.ScopeAsAsync("liaison@portal.local"))
        {
            await RecordTestData.StatePurposeAsync(scope);
        }

        using var liaison = await SignIn.ClientAsync(host.BaseUrl, "liaison@portal.local");
        var response = await liaison.GetAsync("/records/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Equal(rows, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        var entry = await RecordTestData.LastLogAsync(host, AccessActions.Export);
        Assert.Equal(people, RecordReach.Split(entry.Filters).Reach?.People?.Count);
        Assert.True(entry.Filters!.Length < 2_000, $"the export's entry holds {entry.Filters.Length} characters");

        using var auditor = await SignIn.ClientAsync(host.BaseUrl, "auditor@portal.local");
        var pdf = await auditor.GetAsync($"/audit/report.pdf?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = OversightExportTests.PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains($"0 searches, 0 record views of 0 distinct records, 1 export files ({rows:N0} rows, {people:N0} distinct people), "
            + $"{people:N0} distinct people reached by views and exports, 1 flagged attempts.", text, StringComparison.Ordinal);
        Assert.Contains($"volume: {people} distinct people viewed or exported in an hour (limit 25); volume: {people} distinct people viewed or exported in a day (limit 100)", text, StringComparison.Ordinal);
        Assert.Contains($"{rows:N0} rows, {people:N0} distinct people", text, StringComparison.Ordinal);
    }
}
