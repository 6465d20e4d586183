using System.Net;
using PortalApp.Tests.Infrastructure;
using UglyToad.PdfPig;
using PortalApp.AccessLogging;
using PortalApp.Common;

namespace PortalApp.Tests.Audit;

[Collection(AppCollection.Name)]
public sealed class OversightReportTests(PortalHost host)
{
    [Fact]
    public async Task TheOversightPdfListsTheAgencysFlaggedAttemptsAndIsLoggedAsAnExport()
    {
        var reason = $"race filter refused ({Guid.NewGuid():N})";
        await FlaggedEntries.AsLiaisonAsync(host, reason);
        using var auditor = await SignIn.ClientAsync(host.BaseUrl, "auditor@portal.local");
        var today = PortalTime.Today(host.Time);

        HttpResponseMessage? response = null;
        var entry = await AccessLogProbe.SingleEntryOfAsync(host.Services, async () =>
            response = await auditor.GetAsync($"/audit/report.pdf?from={today.AddDays(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}"));

        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Oversight report", text, StringComparison.Ordinal);
        Assert.Contains(reason.Split(' ')[^1].TrimEnd(')'), text, StringComparison.Ordinal);
        Assert.Contains("chain intact", text, StringComparison.Ordinal);
        Assert.Equal((AccessActions.Export, "oversight report PDF"), (entry.Action, entry.Target));
    }

    [Fact]
    public async Task TheOversightPdfRefusesOtherRolesAndBadPeriods()
    {
        using var liaison = await SignIn.ClientAsync(host.BaseUrl, "liaison@portal.local");
        Assert.NotEqual(HttpStatusCode.OK, (await liaison.GetAsync("/audit/report.pdf?from=2026-01-01&to=2026-01-31")).StatusCode);
        using var auditor = await SignIn.ClientAsync(host.BaseUrl, "auditor@portal.local");
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/audit/report.pdf?from=2026-02-01&to=2026-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/audit/report.pdf?from=yesterday")).StatusCode);
    }
}
