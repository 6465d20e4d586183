using Microsoft.Playwright;
using PortalApp.Components.Layout;
using PortalApp.Seeding;
using PortalApp.Tests.Authorization;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Users;

[Collection(AppCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
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
        await Assertions.Expect(page.GetByTestId("user-role")).ToContainTextAsync(ExpectedAccess.RoleWords[account.Role]);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {account.DisplayName}");
        foreach (var item in NavItems.All)
        {
            var link = page.GetByTestId($"nav-{item.Key}");
            if (ExpectedAccess.NavKeysFor(account.Role).Contains(item.Key))
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

    [Fact]
    public async Task OnAPhoneTheAccountMenuStaysOnScreenShowsWhoIsSignedInAndSignsOut()
    {
        var page = await browser.NewPhonePageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, "da@portal.local");

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Account menu" });
        var box = await menu.BoundingBoxAsync();
        Assert.True(box is { } b && b.X >= 0 && b.X + b.Width <= 390, $"the account menu's button is at {box?.X} px on a 390 px screen");
        await Assertions.Expect(page.GetByTestId("user-role")).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-menu-identity")).ToContainTextAsync("da@portal.local");
        await Assertions.Expect(page.GetByTestId("user-menu-identity")).ToContainTextAsync("Stakeholder · District Attorney");
        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page.Locator("[name='Input.Email']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Account menu" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
