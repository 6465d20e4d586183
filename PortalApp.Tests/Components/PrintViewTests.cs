using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Components;

[Collection(AppCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class PrintViewTests(PortalHost host, BrowserFixture browser)
{
    [Fact]
    public async Task TheRecordsPageOffersPrintAndPrintsWithoutTheAppBarDrawerOrButtons()
    {
        var page = await browser.NewPageAsync(await browser.SignedInStateAsync(host.BaseUrl, "clerk@portal.local"));
        await Interactive.GotoAsync(page, host.BaseUrl + "/records");
        var print = page.GetByTestId("print");
        await Assertions.Expect(print).ToBeVisibleAsync();
        await Assertions.Expect(print).ToContainTextAsync("Print");
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Assertions.Expect(print).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        Assert.Equal("rgb(0, 0, 0)", await page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task APageThatIsNotPrintedOffersNoPrintButton()
    {
        var page = await browser.NewPageAsync(await browser.SignedInStateAsync(host.BaseUrl, "clerk@portal.local"));
        await Interactive.GotoAsync(page, host.BaseUrl + "/");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("print")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
