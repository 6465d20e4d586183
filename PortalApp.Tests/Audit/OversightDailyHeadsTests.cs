using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Audit;
using PortalApp.Tests.Infrastructure;
using UglyToad.PdfPig;
using PortalApp.AccessLogging;
using PortalApp.Common;

namespace PortalApp.Tests.Audit;

[Collection(AppCollection.Name)]
public sealed class OversightDailyHeadsTests(PortalHost host)
{
    [Fact]
    public async Task TheOversightReportListsTheDaysLastSealedHeadOnThePageAndInThePdf()
    {
        var sealer = host.Services.GetRequiredService<AccessLogSealer>();
        await using (var scope = await host.ScopeAsAsync("clerk@portal.local"))
        {
            await scope.ServiceProvider.GetRequiredService<AccessLog>().AppendAsync(new AccessEvent(AccessActions.Search) { Target = "records" });
        }
        var seal = await sealer.SealAsync(SealReasons.Hourly) ?? throw new InvalidOperationException("nothing was sealed");
        var today = PortalTime.Today(host.Time);

        await using (var scope = await host.ScopeAsAsync("auditor@portal.local"))
        {
            var report = await scope.ServiceProvider.GetRequiredService<OversightReportService>().BuildAsync(today.AddDays(-1), today);
            var head = Assert.Single(report.DailyHeads, h => h.Day == today);
            Assert.Equal((seal.Number, seal.HeadEntryId, seal.HeadHash), (head.Seal, head.HeadEntryId, head.HeadHash));
        }

        using var auditor = await SignIn.ClientAsync(host.BaseUrl, "auditor@portal.local");
        var response = await auditor.GetAsync($"/audit/report.pdf?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Sealed heads of the access log", text, StringComparison.Ordinal);
        Assert.Contains(seal.HeadHash[..12], text, StringComparison.Ordinal);
    }
}
