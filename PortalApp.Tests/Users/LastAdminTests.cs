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
/// Someone must always be able to manage the portal: the last active Admin cannot be locked, demoted or deleted, not
/// even by themselves; once a second Admin exists, either may be. A portal of its own, since it changes the Admins.
/// </summary>
public sealed class LastAdminTests(PortalHost host) : IClassFixture<PortalHost>
{
    private const string Admin = "admin@portal.local";

    [Fact]
    public async Task TheLastActiveAdminCannotBeLockedDemotedOrDeletedAndASecondAdminCanBe()
    {
        var adminId = await RevokedAccount.IdOfAsync(host, Admin);
        foreach (var refused in await AsAsync(Admin, users => LockDemoteDeleteAsync(users, adminId)))
        {
            Assert.False(refused.Succeeded);
            Assert.Contains("last active Admin", refused.Message, StringComparison.Ordinal);
        }
        await AssertStandingAsync(Admin, Roles.Admin, locked: false);

        var second = $"second-admin-{Guid.NewGuid():N}@portal.local";
        await AsAsync(Admin, async users => Assert.True((await users.CreateAsync(new NewUser(second, "Second Admin", Roles.Admin, null, DemoAccounts.Password))).Succeeded));
        var secondId = await RevokedAccount.IdOfAsync(host, second);

        // With two, the first may lock themselves; then the second is the last one standing.
        await AsAsync(Admin, async users => Assert.True((await users.LockAsync(adminId)).Succeeded));
        await AssertStandingAsync(Admin, Roles.Admin, locked: true);
        foreach (var refused in await AsAsync(second, users => LockDemoteDeleteAsync(users, secondId)))
        {
            Assert.False(refused.Succeeded, refused.Message);
        }
        await AssertStandingAsync(second, Roles.Admin, locked: false);

        // A locked Admin does not count, so demoting or deleting it is allowed.
        await AsAsync(second, async users => Assert.True((await users.SetRoleAsync(adminId, Roles.Auditor, null)).Succeeded));
        await AsAsync(second, async users => Assert.True((await users.SetRoleAsync(adminId, Roles.Admin, null)).Succeeded));
        await AsAsync(second, async users => Assert.True((await users.UnlockAsync(adminId)).Succeeded));
        await AsAsync(Admin, async users => Assert.True((await users.SetRoleAsync(secondId, Roles.Clerk, null)).Succeeded));
        await AsAsync(Admin, async users => Assert.True((await users.SetRoleAsync(secondId, Roles.Admin, null)).Succeeded));
        await AsAsync(Admin, async users => Assert.True((await users.DeleteAsync(secondId)).Succeeded));
        await AsAsync(Admin, async users => Assert.Null(await FindAsync(users, second)));
    }

    [Fact]
    public async Task AnOfficialHoldingASeatCannotBeDeletedButCanBeLocked()
    {
        var cityId = await RevokedAccount.IdOfAsync(host, "city@portal.local");
        var deleted = await AsAsync(Admin, users => users.DeleteAsync(cityId));
        Assert.False(deleted.Succeeded);
        Assert.Contains("seat", deleted.Message, StringComparison.Ordinal);
        await AsAsync(Admin, async users => Assert.True((await users.LockAsync(cityId)).Succeeded));
        await AsAsync(Admin, async users => Assert.True((await users.UnlockAsync(cityId)).Succeeded));
    }

    private static async Task<OperationResult[]> LockDemoteDeleteAsync(UserAdminService users, string id) =>
        [await users.LockAsync(id), await users.SetRoleAsync(id, Roles.Clerk, null), await users.DeleteAsync(id)];

    private static async Task<UserSummary?> FindAsync(UserAdminService users, string email) =>
        (await users.ListAsync()).SingleOrDefault(u => u.Email == email);

    private async Task AssertStandingAsync(string email, string role, bool locked)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await manager.FindByEmailAsync(email))!;
        Assert.Equal([role], await manager.GetRolesAsync(user));
        Assert.Equal(locked, await manager.IsLockedOutAsync(user));
    }

    private async Task<T> AsAsync<T>(string email, Func<UserAdminService, Task<T>> act)
    {
        await using var scope = await host.ScopeAsAsync(email);
        return await act(scope.ServiceProvider.GetRequiredService<UserAdminService>());
    }

    private async Task AsAsync(string email, Func<UserAdminService, Task> act)
    {
        await using var scope = await host.ScopeAsAsync(email);
        await act(scope.ServiceProvider.GetRequiredService<UserAdminService>());
    }
}
