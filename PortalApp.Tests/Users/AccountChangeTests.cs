using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Users;

namespace PortalApp.Tests.Users;

/// <summary>
/// Every change an Admin makes to an account refuses the sign-in issued before it at the very next service call, with no
/// wait: the service judges the account as it stands now. A portal of its own, since it creates and deletes accounts.
/// </summary>
public sealed class AccountChangeTests(PortalHost host) : IClassFixture<PortalHost>
{
    public static TheoryData<string> Changes() => ["lock", "demote", "party", "password", "two-factor", "delete"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task TheSignInIssuedBeforeAnAccountChangeIsRefusedByTheNextServiceCall(string change)
    {
        var email = $"{change}-{Guid.NewGuid():N}@portal.local";
        await AsAdminAsync(users => users.CreateAsync(new NewUser(email, "Changed Official", Roles.Stakeholder, "City", DemoAccounts.Password)));
        var id = await RevokedAccount.IdOfAsync(host, email);
        if (change == "two-factor")
        {
            await using var setup = host.Services.CreateAsyncScope();
            var manager = setup.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await manager.SetTwoFactorEnabledAsync((await manager.FindByIdAsync(id))!, true);
        }
        await using var stale = await host.ScopeAsAsync(email);
        var capabilities = stale.ServiceProvider.GetRequiredService<Capabilities>();
        Assert.True(await capabilities.HasAsync(Policies.CastVote));

        await AsAdminAsync(users => change switch
        {
            "lock" => users.LockAsync(id),
            "demote" => users.SetRoleAsync(id, Roles.Clerk, null),
            "party" => users.SetRoleAsync(id, Roles.Stakeholder, "Courts"),
            "password" => users.ResetPasswordAsync(id, "Another-long-pass-2026!"),
            "two-factor" => users.ResetTwoFactorAsync(id),
            _ => users.DeleteAsync(id),
        });

        Assert.False(await capabilities.HasAsync(Policies.CastVote));
        await Assert.ThrowsAsync<CapabilityDeniedException>(() => capabilities.RequireAsync(Policies.SignedIn));
        if (change == "two-factor")
        {
            await using var check = host.Services.CreateAsyncScope();
            var manager = check.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.False(await manager.GetTwoFactorEnabledAsync((await manager.FindByIdAsync(id))!));
        }
    }

    [Fact]
    public async Task UnlockingAnAccountLetsItsNextSignInThrough()
    {
        var email = $"unlock-{Guid.NewGuid():N}@portal.local";
        await AsAdminAsync(users => users.CreateAsync(new NewUser(email, "Unlocked Clerk", Roles.Clerk, null, DemoAccounts.Password)));
        var id = await RevokedAccount.IdOfAsync(host, email);
        await AsAdminAsync(users => users.LockAsync(id));
        await AsAdminAsync(users => users.UnlockAsync(id));

        await using var fresh = await host.ScopeAsAsync(email);
        Assert.True(await fresh.ServiceProvider.GetRequiredService<Capabilities>().HasAsync(Policies.BrowseRecords));
    }

    private async Task AsAdminAsync(Func<UserAdminService, Task<OperationResult>> change)
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var result = await change(scope.ServiceProvider.GetRequiredService<UserAdminService>());
        Assert.True(result.Succeeded, result.Message);
    }
}
