using System.Diagnostics;
using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.ScaleOut;
using Xunit.Abstractions;

namespace PortalApp.Tests.Users;

/// <summary>An account locked on one instance goes dark on the other: the revocation travels over PostgreSQL.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.AlwaysPostgres)]
public sealed class CrossInstanceRevocationTests(TwoInstances portal, BrowserFixture browser, ITestOutputHelper output)
{
    private const string Clerk = "clerk@portal.local";

    [Fact]
    public async Task AClerkLockedOnInstanceALosesTheRecordsOpenOnInstanceBWithinSeconds()
    {
        var clerk = await browser.NewPageAsync();
        await SignIn.ToAsync(clerk, portal.B.BaseUrl, Clerk, "/records");
        await clerk.GetByTestId("record-link").First.WaitForAsync();
        using var cookie = await RevokedAccount.ClientWithCookiesOfAsync(clerk, portal.B.BaseUrl);
        Assert.True(await RevokedAccount.ExportAnswersAsync(cookie), "the clerk's cookie was refused before the lock");

        var admin = await browser.NewPageAsync();
        await SignIn.ToAsync(admin, portal.A.BaseUrl, "admin@portal.local", "/admin/users");
        await admin.GetByTestId($"lock-{Clerk}").ClickAsync();
        var clock = Stopwatch.StartNew();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Lock account" }).ClickAsync();
        try
        {
            var done = admin.GetByTestId($"locked-{Clerk}").WaitForAsync().ContinueWith(_ => clock.Elapsed, TaskScheduler.Default);
            var took = await RevokedAccount.WaitUntilDarkAsync(clerk, "[data-testid=record-link]", clock);
            output.WriteLine($"locked on A: the clerk's records on B went dark after {took.TotalMilliseconds:0} ms (A showed the lock after {(await done).TotalMilliseconds:0} ms)");
            Assert.False(await RevokedAccount.ExportAnswersAsync(cookie), "B still exported records to the locked clerk's old cookie");
            Assert.False(await RevokedAccount.RecordsPageAnswersAsync(cookie), "B still opened /records for the locked clerk's old cookie");
        }
        finally
        {
            await admin.GetByTestId($"unlock-{Clerk}").ClickAsync();
            await Assertions.Expect(admin.GetByTestId($"locked-{Clerk}")).ToHaveCountAsync(0);
            await clerk.Context.CloseAsync();
            await admin.Context.CloseAsync();
        }
    }
}
