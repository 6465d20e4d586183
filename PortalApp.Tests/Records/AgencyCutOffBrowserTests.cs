using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Records;

/// <summary>
/// The ICE and FBI liaisons have /records open side by side when the ICE agreement's cut-off passes: ICE's open page
/// is refused its next record, the FBI's goes on. It ends an agreement and moves the clock, so it has a portal of its own.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AgencyCutOffBrowserTests(AgencyCutOffBrowserTests.Host host, BrowserFixture browser)
    : IClassFixture<AgencyCutOffBrowserTests.Host>
{
    public sealed class Host : PortalHost;

    [Fact]
    public async Task EndingOneAgencysAgreementEndsItsOpenPagesAndLeavesTheOtherAgencysWorking()
    {
        var ice = await RecordTestData.OpenRecordsAsync(browser, host.BaseUrl, "liaison@portal.local");
        var fbi = await RecordTestData.OpenRecordsAsync(browser, host.BaseUrl, "fbi-liaison@portal.local");
        await using (var db = await RecordTestData.DbAsync(host))
        {
            var agreement = await db.Agreements.SingleAsync(a => a.Reference == DemoAgreement.Reference);
            agreement.TerminationEffectiveUtc = host.Time.GetUtcNow().AddMinutes(1);
            agreement.TerminationLetterNumber = "SOL-2026-0777";
            await db.SaveChangesAsync();
        }

        host.Time.Advance(TimeSpan.FromMinutes(2));

        await ice.GetByTestId("record-link").First.ClickAsync();
        await Assertions.Expect(ice.GetByTestId("record-refused")).ToContainTextAsync("under letter SOL-2026-0777");
        await fbi.GetByTestId("record-link").First.ClickAsync();
        await Assertions.Expect(fbi.GetByTestId("person-fields")).ToBeVisibleAsync();
        await Assertions.Expect(fbi.GetByTestId("record-refused")).ToHaveCountAsync(0);

        await ice.GotoAsync($"{host.BaseUrl}/records");
        await Assertions.Expect(ice.GetByTestId("records-refused")).ToContainTextAsync("SOL-2026-0777");
        await fbi.GotoAsync($"{host.BaseUrl}/records");
        await Assertions.Expect(fbi.GetByTestId("record-link").First).ToBeVisibleAsync();
        await Assertions.Expect(fbi.GetByTestId("records-refused")).ToHaveCountAsync(0);
        await ice.Context.CloseAsync();
        await fbi.Context.CloseAsync();
    }
}
