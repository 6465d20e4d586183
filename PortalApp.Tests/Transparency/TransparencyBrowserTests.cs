using Microsoft.Playwright;
using PortalApp.Tests.Accessibility;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Transparency;

/// <summary>The public record in Chromium, not signed in: axe finds no WCAG 2.1 A or AA violation on a desktop or a phone.</summary>
[Collection(TransparencyCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class TransparencyBrowserTests(TransparencyHistory host, BrowserFixture browser)
{
    [Theory]
    [InlineData(1280, 720, false)]
    [InlineData(390, 844, true)]
    public async Task ThePublicRecordHasNoWcagViolations(int width, int height, bool phone)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = phone, HasTouch = phone,
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(host.BaseUrl + "/transparency");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Public record", Level = 1 })).ToBeVisibleAsync();

        await AxeInPage.AssertNoneAsync(page);
        // The page itself never scrolls sideways; only a wide table does, inside its own region.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");

        if (Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, phone ? "transparency-phone.png" : "transparency.png"), FullPage = true });
        }
        await context.CloseAsync();
    }
}
