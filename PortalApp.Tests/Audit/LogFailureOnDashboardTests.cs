using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Tests.Infrastructure;
using PortalApp.Users;

namespace PortalApp.Tests.Audit;

/// <summary>Its own app, because breaking the log would leave an alert on every other test's dashboard.</summary>
public sealed class LogFailureOnDashboardTests(LogFailureOnDashboardTests.OwnHost host, BrowserFixture browser)
    : IClassFixture<LogFailureOnDashboardTests.OwnHost>, IClassFixture<BrowserFixture>
{
    public sealed class OwnHost : PortalHost;

    [Fact]
    public async Task WhenTheLogCannotBeWrittenALockIsRefusedAndTheAdminDashboardSaysSo()
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, "admin@portal.local");
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var clerk = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("clerk@portal.local"))!;
        using var auditor = await SignIn.ClientAsync(host.BaseUrl, "auditor@portal.local");
        await BreakTheLogAsync();

        await Assert.ThrowsAsync<AccessLogUnavailableException>(() => scope.ServiceProvider.GetRequiredService<UserAdminService>().LockAsync(clerk.Id));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByIdAsync(clerk.Id))!));
        await page.GotoAsync(host.BaseUrl + "/");
        await Assertions.Expect(page.GetByTestId("log-failure")).ToContainTextAsync("disk full");
        // Reading the log must be logged, so the flagged card says it cannot, and the page stays whole.
        await Assertions.Expect(page.GetByTestId("flagged-unavailable")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("log-failure")).ToBeVisibleAsync();
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await auditor.GetAsync("/audit/export.csv")).StatusCode);
        await page.Context.CloseAsync();
    }

    private Task BreakTheLogAsync() => host.Database.ExecuteDirectAsync(TestSql.BreakTheLog(host.Database.Provider));
}
