using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Components;

[Collection(AppCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class ThemeChoiceTests(PortalHost host, BrowserFixture browser)
{
    private static async Task<bool> IsDarkAsync(IPage page) =>
        await page.GetByTestId("theme-toggle").GetAttributeAsync("aria-label") == "Switch to light theme";

    [Fact]
    public async Task TheDarkThemeChosenStaysAfterAReloadAndATypedAddress()
    {
        var page = await browser.NewPageAsync(await browser.SignedInStateAsync(host.BaseUrl, "clerk@portal.local"));
        await Interactive.GotoAsync(page, host.BaseUrl + "/");
        Assert.False(await IsDarkAsync(page));

        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light theme");

        await page.ReloadAsync();
        await Interactive.WaitAsync(page);
        Assert.True(await IsDarkAsync(page));
        Assert.Equal("dark", await page.Locator("html").GetAttributeAsync("data-theme"));

        await Interactive.GotoAsync(page, host.BaseUrl + "/records");
        Assert.True(await IsDarkAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ABrowserThatPrefersDarkStartsDarkUntilAChoiceIsMade()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ColorScheme = ColorScheme.Dark,
            StorageState = await browser.SignedInStateAsync(host.BaseUrl, "clerk@portal.local"),
        });
        var page = await context.NewPageAsync();
        await Interactive.GotoAsync(page, host.BaseUrl + "/");
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light theme");

        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to dark theme");
        await page.ReloadAsync();
        await Interactive.WaitAsync(page);
        Assert.False(await IsDarkAsync(page));
        await context.CloseAsync();
    }
}
