using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortalApp.Authorization;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Users;

namespace PortalApp.Tests.Users;

/// <summary>Issue 23: the Admin's account list can be searched and sorted, and shows two-factor and the last sign-in from the log.</summary>
[Collection(AppCollection.Name)]
public sealed class UsersPageTests(PortalHost host, BrowserFixture browser)
{
    private static ILocator Rows(IPage page) => page.Locator("[data-testid=users-table] tbody tr");

    [Fact]
    public async Task TheAdminSearchesSortsAndReadsEachAccountsLastSignInAndTwoFactor()
    {
        var fresh = $"never-{Guid.NewGuid():N}@portal.local";
        await using (var scope = await host.ScopeAsAsync("admin@portal.local"))
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdminService>()
                .CreateAsync(new NewUser(fresh, "Never Signed In", Roles.Auditor, null, DemoAccounts.Password));
            Assert.True(created.Succeeded, created.Message);
        }
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, "clerk@portal.local");
        await SignIn.ToAsync(page, host.BaseUrl, "admin@portal.local", "/admin/users");
        await Assertions.Expect(Rows(page).First).ToBeVisibleAsync();

        // Signed in a moment ago: a city time; the new account never signed in.
        await Assertions.Expect(page.GetByTestId("last-sign-in-clerk@portal.local")).ToContainTextAsync(" ET");
        await Assertions.Expect(page.GetByTestId($"last-sign-in-{fresh}")).ToHaveTextAsync("Never");
        await Assertions.Expect(page.Locator("th", new() { HasText = "Two-factor" })).ToBeVisibleAsync();

        await page.GetByLabel("Search accounts").FillAsync("KELLER");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(page).First).ToContainTextAsync("clerk@portal.local");
        await page.GetByLabel("Search accounts").FillAsync("alternate");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(page).First).ToContainTextAsync("city-alt@portal.local");

        await page.GetByLabel("Search accounts").FillAsync("");
        // Twice: ascending (never signed in first), then descending (the latest sign-in, the admin's own, on top).
        await page.GetByTestId("sort-last-sign-in").ClickAsync();
        await page.GetByTestId("sort-last-sign-in").ClickAsync();
        await Assertions.Expect(Rows(page).First).ToContainTextAsync("admin@portal.local");
        await page.Context.CloseAsync();
    }
}
