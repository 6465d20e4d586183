using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Data;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.ScaleOut;

/// <summary>
/// The ICE agreement is ended through instance A while both agencies' liaisons have /records open on instance B:
/// B refuses the ICE liaison's next record and serves the FBI liaison's. The agreement is put back afterwards.
/// </summary>
[Collection(ScaleOutCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.AlwaysPostgres)]
public sealed class AgencyCutOffAcrossInstancesTests(TwoInstances portal, BrowserFixture browser)
{
    private PortalDbContext Db() => PortalDatabase.Create(portal.Database.Provider, portal.Database.ConnectionString);

    [Fact]
    public async Task EndingOneAgencysAgreementOnOneInstanceEndsItsPagesOnTheOtherAndLeavesTheOtherAgencyWorking()
    {
        var ice = await Records.RecordTestData.OpenRecordsAsync(browser, portal.B.BaseUrl, "liaison@portal.local");
        var fbi = await Records.RecordTestData.OpenRecordsAsync(browser, portal.B.BaseUrl, "fbi-liaison@portal.local");
        await using var db = Db();
        var agreement = await db.Agreements.SingleAsync(a => a.Reference == DemoAgreement.Reference);
        var before = (agreement.Status, agreement.TerminationEffectiveUtc, agreement.TerminationLetterNumber);
        try
        {
            // As the termination scheduler records a letter's cut-off; B learns of it from the change relay or,
            // at the latest, when its two-second copy of the agreement expires.
            (agreement.TerminationEffectiveUtc, agreement.TerminationLetterNumber) = (DateTimeOffset.UtcNow.AddSeconds(-1), "SOL-2026-0888");
            await db.SaveChangesAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));

            await ice.GetByTestId("record-link").First.ClickAsync();
            await Assertions.Expect(ice.GetByTestId("record-refused")).ToContainTextAsync("under letter SOL-2026-0888");
            await fbi.GetByTestId("record-link").First.ClickAsync();
            await Assertions.Expect(fbi.GetByTestId("person-fields")).ToBeVisibleAsync();
        }
        finally
        {
            // The termination scheduler may have carried the cut-off out meanwhile: put the status back too.
            await using var restore = Db();
            await restore.Agreements.Where(a => a.Id == agreement.Id).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, before.Status)
                .SetProperty(a => a.TerminationEffectiveUtc, before.TerminationEffectiveUtc)
                .SetProperty(a => a.TerminationLetterNumber, before.TerminationLetterNumber));
            await ice.Context.CloseAsync();
            await fbi.Context.CloseAsync();
        }
    }
}
