using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Authorization;

/// <summary>An open page (whose circuit keeps the server side alive) still signs out after 30 minutes without input.</summary>
[Collection(AppCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class IdlePageTests(PortalHost host, BrowserFixture browser)
{
    [Fact]
    public async Task AnOpenPageSignsItselfOutAfterThirtyMinutesWithoutInput()
    {
        var page = await browser.NewPageAsync();
        await page.Clock.InstallAsync();
        await SignIn.AsAsync(page, host.BaseUrl, "clerk@portal.local");

        // Move the wall clock without running the connection's own timers, then let the idle check (every 10 s) run once.
        await IdleForAsync(page, TimeSpan.FromMinutes(20));
        await page.Mouse.MoveAsync(200, 200);
        await IdleForAsync(page, TimeSpan.FromMinutes(20));
        Assert.Equal($"{host.BaseUrl}/", page.Url);

        await IdleForAsync(page, TimeSpan.FromMinutes(11));
        await SignIn.ExpectAtSignInAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task IdleForAsync(IPage page, TimeSpan span)
    {
        var now = await page.EvaluateAsync<double>("Date.now()");
        await page.Clock.SetSystemTimeAsync(DateTimeOffset.FromUnixTimeMilliseconds((long)now).Add(span).UtcDateTime);
        await page.Clock.RunForAsync(11_000);
    }
}
