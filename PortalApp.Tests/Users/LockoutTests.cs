using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Users;

namespace PortalApp.Tests.Users;

[Collection(AppCollection.Name)]
public sealed class LockoutTests(PortalHost host, BrowserFixture browser)
{
    private async Task<string> CreateClerkAsync()
    {
        var email = $"lockout-{Guid.NewGuid():N}@portal.local";
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var result = await scope.ServiceProvider.GetRequiredService<UserAdminService>()
            .CreateAsync(new NewUser(email, "Lockout Test", Roles.Clerk, null, DemoAccounts.Password));
        Assert.True(result.Succeeded, result.Message);
        return email;
    }

    /// <summary>A locked account is told what an unknown one is told, on the sign-in page (see SignInAnswerTests).</summary>
    private static async Task ExpectRefusedAsync(IPage page)
    {
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByText("do not match an account")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt()
    {
        var email = await CreateClerkAsync();
        var page = await browser.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await SignIn.AsAsync(page, host.BaseUrl, email, "Wrong-password-1!");
        }
        await ExpectRefusedAsync(page);

        // Hours later, the right password is still refused: no automatic unlock.
        host.Time.Advance(TimeSpan.FromHours(6));
        await SignIn.AsAsync(page, host.BaseUrl, email);
        await ExpectRefusedAsync(page);

        var admin = await browser.NewPageAsync();
        await SignIn.ToAsync(admin, host.BaseUrl, "admin@portal.local", "/admin/users");
        await Assertions.Expect(admin.GetByTestId($"locked-{email}")).ToBeVisibleAsync();
        await admin.GetByTestId($"unlock-{email}").ClickAsync();
        await Assertions.Expect(admin.GetByTestId($"locked-{email}")).ToHaveCountAsync(0);

        await SignIn.AsAsync(page, host.BaseUrl, email);
        Assert.Equal($"{host.BaseUrl}/", page.Url);
        await page.Context.CloseAsync();
        await admin.Context.CloseAsync();

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var actions = await db.AccessLog.Where(e => e.UserName == email || (e.Target != null && e.Target.Contains(email)))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(4, actions.Count(a => a == AccessActions.SignInFailed));
        Assert.Contains(AccessActions.LockedOut, actions);
        Assert.Contains(AccessActions.UserUnlock, actions);
        Assert.Equal(AccessActions.SignIn, actions[^1]);
    }

    [Fact]
    public async Task FailuresSpreadOverMoreThanFifteenMinutesDoNotLock()
    {
        var email = await CreateClerkAsync();
        using var client = await SignIn.ClientAsync(host.BaseUrl, null);
        for (var i = 0; i < 4; i++)
        {
            await SignIn.PostLoginAsync(client, email, "Wrong-password-1!");
        }
        host.Time.Advance(TimeSpan.FromMinutes(16));
        await SignIn.PostLoginAsync(client, email, "Wrong-password-1!");
        var response = await SignIn.PostLoginAsync(client, email, DemoAccounts.Password);
        Assert.Equal("/", response.Headers.Location?.AbsolutePath);
    }
}
