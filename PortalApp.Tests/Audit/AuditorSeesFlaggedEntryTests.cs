using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Audit;

[Collection(AppCollection.Name)]
public sealed class AuditorSeesFlaggedEntryTests(PortalHost host, BrowserFixture browser)
{
    [Fact]
    public async Task TheAuditorSeesTheLiaisonsFlaggedAttemptItsDetailAndTheChartChange()
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, "auditor@portal.local");
        await page.GotoAsync($"{host.BaseUrl}/audit");
        var flaggedTotal = page.GetByTestId("chart-flagged-total");
        await Assertions.Expect(flaggedTotal).ToBeVisibleAsync();
        var before = int.Parse((await flaggedTotal.InnerTextAsync()).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        var reason = $"search by place of birth refused ({Guid.NewGuid():N})";
        var flagged = await FlaggedEntries.AsLiaisonAsync(host, reason);
        await page.ReloadAsync();

        await Assertions.Expect(flaggedTotal).ToHaveTextAsync($"{before + 1} flagged attempts in the period");
        await Assertions.Expect(page.GetByTestId("chart-flagged").Locator("svg").First).ToBeVisibleAsync();
        var row = page.GetByTestId("audit-grid").Locator("tr", new() { HasText = "liaison@portal.local" }).Filter(new() { Has = page.GetByTestId("flag-chip") });
        await Assertions.Expect(row.First).ToBeVisibleAsync();

        await page.GetByTestId($"details-{flagged.Id}").ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByTestId("entry-flag-reason")).ToContainTextAsync(reason);
        await Assertions.Expect(dialog.GetByTestId("entry-hash")).ToHaveTextAsync(flagged.Hash);
        await Assertions.Expect(dialog.GetByTestId("entry-previous-hash")).ToHaveTextAsync(flagged.PreviousHash);
        await Assertions.Expect(dialog.GetByTestId("entry-hash-check")).ToContainTextAsync("matches its content");
        await Assertions.Expect(dialog).ToContainTextAsync("Agency liaison");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheAuditorVerifiesTheChainFromThePage()
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, "auditor@portal.local");
        await page.GotoAsync($"{host.BaseUrl}/audit");
        await Assertions.Expect(page.GetByTestId("chart-flagged-total")).ToBeVisibleAsync();

        await page.GetByTestId("verify-chain").ClickAsync();

        await Assertions.Expect(page.GetByTestId("chain-result")).ToContainTextAsync("chain intact");
        await page.Context.CloseAsync();
    }
}
