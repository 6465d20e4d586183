using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortalApp.Authorization;
using PortalApp.Ballots;
using PortalApp.Seeding;
using PortalApp.Tests.Ballots;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Records;
using PortalApp.Users;
using Xunit.Abstractions;
using PortalApp.Common;

namespace PortalApp.Tests.Users;

/// <summary>
/// An Admin locks, demotes and resets the password of a clerk, an official and a liaison while each has a page open:
/// each time the page shows no data within five seconds, the old sign-in is refused by the next service call, and the
/// cookie copied before the change is refused by a plain request. A portal of its own, since it changes demo accounts.
/// </summary>
public sealed class RevocationBrowserTests(BallotHost host, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<BallotHost>, IClassFixture<BrowserFixture>
{
    private const string NewPassword = "Revoked-and-reset-2026!";

    private sealed record Viewer(string Email, string Role, string? Party, string DataSelector, Func<IPage, Task> OpenAsync);

    private async Task<IReadOnlyList<Viewer>> ViewersAsync()
    {
        var ballotId = await host.DemoBallotIdAsync();
        var arrestee = await RecordTestData.PersonWithRoleAsync(host, Portal.Data.Entities.InvolvementRole.Arrestee);
        return
        [
            new("clerk@portal.local", Roles.Clerk, null, "[data-testid=record-link]",
                page => Interactive.GotoAsync(page, $"{host.BaseUrl}/records")),
            new("city@portal.local", Roles.Stakeholder, "City", "[data-testid=seat-votes]",
                page => Interactive.GotoAsync(page, $"{host.BaseUrl}/ballots/{ballotId}")),
            new("liaison@portal.local", Roles.AgencyLiaison, null, "[data-testid=person-fields]", async page =>
            {
                await using (var scope = await host.ScopeAsAsync("liaison@portal.local"))
                {
                    await RecordTestData.StatePurposeAsync(scope);
                }
                await Interactive.GotoAsync(page, $"{host.BaseUrl}/records/{arrestee}");
            }),
        ];
    }

    [Fact]
    public async Task LockingDemotingAndResettingEachEndTheOpenPageWithinSecondsAndTheOldSignInIsRefused()
    {
        foreach (var viewer in await ViewersAsync())
        {
            var id = await RevokedAccount.IdOfAsync(host, viewer.Email);
            await RevokeWhileOpenAsync(viewer, "lock", DemoAccounts.Password, admin => admin.LockAsync(id));
            await AsAdminAsync(admin => admin.UnlockAsync(id));

            var demotedTo = viewer.Role == Roles.Clerk ? Roles.Auditor : Roles.Clerk;
            await RevokeWhileOpenAsync(viewer, "demote", DemoAccounts.Password, admin => admin.SetRoleAsync(id, demotedTo, null));
            var agency = viewer.Role == Roles.AgencyLiaison ? await TestAgencies.IdAsync(host, PortalApp.Seeding.DemoAgencies.Ice) : (int?)null;
            await AsAdminAsync(admin => admin.SetRoleAsync(id, viewer.Role, viewer.Party, agency));

            await RevokeWhileOpenAsync(viewer, "reset", DemoAccounts.Password, admin => admin.ResetPasswordAsync(id, NewPassword));
            await AsAdminAsync(admin => admin.ResetPasswordAsync(id, DemoAccounts.Password));
        }
    }

    private async Task RevokeWhileOpenAsync(Viewer viewer, string change, string password, Func<UserAdminService, Task<PortalApp.Common.OperationResult>> revoke)
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, viewer.Email, password);
        await viewer.OpenAsync(page);
        await page.Locator(viewer.DataSelector).First.WaitForAsync();
        using var cookie = await RevokedAccount.ClientWithCookiesOfAsync(page, host.BaseUrl);
        Assert.True(await RevokedAccount.RecordsPageAnswersAsync(cookie), $"{viewer.Email}'s cookie was refused before the {change}");
        await using var stale = await host.ScopeAsAsync(viewer.Email);
        var staleCapabilities = stale.ServiceProvider.GetRequiredService<Capabilities>();
        await staleCapabilities.RequireAsync(Policies.SignedIn);

        var clock = Stopwatch.StartNew();
        await AsAdminAsync(revoke);
        var took = await RevokedAccount.WaitUntilDarkAsync(page, viewer.DataSelector, clock);
        output.WriteLine($"{change} {viewer.Email}: page dark after {took.TotalMilliseconds:0} ms");

        await Assert.ThrowsAsync<CapabilityDeniedException>(() => staleCapabilities.RequireAsync(Policies.SignedIn));
        await Assert.ThrowsAsync<CapabilityDeniedException>(() => stale.ServiceProvider.GetRequiredService<BallotService>().GetAsync(1));
        Assert.False(await RevokedAccount.RecordsPageAnswersAsync(cookie), $"{viewer.Email}'s old cookie still opened /records after the {change}");
        Assert.False(await RevokedAccount.ExportAnswersAsync(cookie), $"{viewer.Email}'s old cookie still exported records after the {change}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnAdminLocksAClerkInTheUsersPageAfterConfirmingAndTheClerksRecordsGoDark()
    {
        var email = $"revoked-{Guid.NewGuid():N}@portal.local";
        await AsAdminAsync(admin => admin.CreateAsync(new NewUser(email, "Revoked Clerk", Roles.Clerk, null, DemoAccounts.Password)));
        var clerk = await browser.NewPageAsync();
        await SignIn.ToAsync(clerk, host.BaseUrl, email, "/records");
        await clerk.GetByTestId("record-link").First.WaitForAsync();

        var admin = await browser.NewPageAsync();
        await SignIn.ToAsync(admin, host.BaseUrl, "admin@portal.local", "/admin/users");
        await admin.GetByTestId($"lock-{email}").ClickAsync();
        var confirm = admin.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync($"Lock {email}?");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId($"locked-{email}")).ToHaveCountAsync(0);
        await clerk.GetByTestId("record-link").First.WaitForAsync();

        await admin.GetByTestId($"lock-{email}").ClickAsync();
        var clock = Stopwatch.StartNew();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Lock account" }).ClickAsync();
        var took = await RevokedAccount.WaitUntilDarkAsync(clerk, "[data-testid=record-link]", clock);
        output.WriteLine($"lock in the users page: the clerk's records went dark after {took.TotalMilliseconds:0} ms");
        await Assertions.Expect(admin.GetByTestId($"locked-{email}")).ToBeVisibleAsync();
        await clerk.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    private async Task AsAdminAsync(Func<UserAdminService, Task<PortalApp.Common.OperationResult>> change)
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var result = await change(scope.ServiceProvider.GetRequiredService<UserAdminService>());
        Assert.True(result.Succeeded, result.Message);
    }
}
