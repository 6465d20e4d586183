using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Foundation;

/// <summary>An open page (whose circuit keeps the server side alive) still signs out after 30 minutes without input.</summary>
[Collection(AppCollection.Name)]
public sealed class IdlePageTests(PortalHost host, BrowserFixture browser)
{
    [Fact]
    public async Task AnOpenPageSignsItselfOutAfterThirtyMinutesWithoutInput()
    {
        var page = await browser.NewPageAsync();
        await page.Clock.InstallAsync();
        await SignIn.AsAsync(page, host.BaseUrl, "clerk@portal.local");

        await page.Clock.FastForwardAsync("20:00");
        await page.Mouse.MoveAsync(200, 200);
        await page.Clock.FastForwardAsync("20:00");
        Assert.Equal($"{host.BaseUrl}/", page.Url);

        await page.Clock.FastForwardAsync("31:00");
        await page.WaitForURLAsync("**/Account/Login**", new PageWaitForURLOptions { Timeout = 15000 });
        await page.Context.CloseAsync();
    }
}
