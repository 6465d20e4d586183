using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hardening;

/// <summary>
/// Issue 19, item 6, in Chromium: an open circuit stops showing data when its session is over (idle, or signed out
/// elsewhere), decided on the server even with the idle script blocked; the idle script follows the configured time.
/// </summary>
[Collection(ShortSessionCollection.Name)]
public sealed class SessionEndBrowserTests(ShortSessionHost host, BrowserFixture browser)
{
    private const string RecordRows = "[data-testid=records-grid] tbody tr";

    [Fact]
    public async Task AnIdleCircuitStopsShowingRecordsOnTheServerEvenWithTheIdleScriptBlocked()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/js/idle*.js", route => route.AbortAsync());
        await SignIn.ToAsync(page, host.BaseUrl, "clerk@portal.local", "/records");
        await Assertions.Expect(page.Locator(RecordRows).First).ToBeVisibleAsync();

        host.Time.Advance(TimeSpan.FromMinutes(ShortSessionHost.IdleMinutes + 1));

        await SignIn.ExpectAtSignInAsync(page);
        await Assertions.Expect(page.Locator(RecordRows)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ACircuitOnACopiedCookieGoesDarkWhenTheSessionSignsOut()
    {
        var original = await browser.NewPageAsync();
        await SignIn.AsAsync(original, host.BaseUrl, "clerk@portal.local");
        var copy = await browser.NewPageAsync(await original.Context.StorageStateAsync());
        await Interactive.GotoAsync(copy, $"{host.BaseUrl}/records");
        await Assertions.Expect(copy.Locator(RecordRows).First).ToBeVisibleAsync();

        await original.GetByRole(AriaRole.Button, new() { Name = "Account menu" }).ClickAsync();
        await original.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(original.Locator("[name='Input.Email']")).ToBeVisibleAsync();

        await SignIn.ExpectAtSignInAsync(copy);
        await Assertions.Expect(copy.Locator(RecordRows)).ToHaveCountAsync(0);
        await original.Context.CloseAsync();
        await copy.Context.CloseAsync();
    }

    [Fact]
    public async Task TheIdleScriptSignsThePageOutAfterTheConfiguredIdleTime()
    {
        var page = await browser.NewPageAsync();
        await page.Clock.InstallAsync();
        await SignIn.AsAsync(page, host.BaseUrl, "clerk@portal.local");

        // The browser's clock only (the server's stays): the sign-out must come from the script.
        var now = await page.EvaluateAsync<double>("Date.now()");
        await page.Clock.SetSystemTimeAsync(DateTimeOffset.FromUnixTimeMilliseconds((long)now).AddMinutes(ShortSessionHost.IdleMinutes + 1).UtcDateTime);
        await page.Clock.RunForAsync(11_000);

        await SignIn.ExpectAtSignInAsync(page);
        await page.Context.CloseAsync();
    }
}
