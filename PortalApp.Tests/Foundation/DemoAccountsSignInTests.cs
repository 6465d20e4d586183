using Microsoft.Playwright;
using PortalApp.Authorization;
using PortalApp.Components.Layout;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Foundation;

[Collection(AppCollection.Name)]
public sealed class DemoAccountsSignInTests(PortalHost host, BrowserFixture browser)
{
    public static TheoryData<string> Accounts() => [.. DemoAccounts.All.Select(a => a.Email)];

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task EachDemoAccountSignsInAndSeesOnlyItsOwnNavigation(string email)
    {
        var account = DemoAccounts.All.Single(a => a.Email == email);
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, email);

        Assert.Equal($"{host.BaseUrl}/", page.Url);
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(email);
        await Assertions.Expect(page.GetByTestId("user-role")).ToContainTextAsync(account.Role);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {account.DisplayName}");
        foreach (var item in NavItems.All)
        {
            var link = page.GetByTestId($"nav-{item.Key}");
            if (CapabilityMap.Allows(account.Role, item.Policy))
            {
                await Assertions.Expect(link).ToBeVisibleAsync();
            }
            else
            {
                await Assertions.Expect(link).ToHaveCountAsync(0);
            }
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AWrongPasswordShowsAClearMessageAndStaysOnTheForm()
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, "clerk@portal.local", "not-the-password");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByText("do not match an account")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
