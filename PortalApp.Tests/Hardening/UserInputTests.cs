using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Authorization;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Users;

namespace PortalApp.Tests.Hardening;

[Collection(AppCollection.Name)]
public sealed class UserInputTests(PortalHost host)
{
    public static TheoryData<string> Values() => [.. HostileInputs.Text];

    [Theory]
    [MemberData(nameof(Values))]
    public async Task HostileAccountFieldsGetAClearMessageOrAreStoredVerbatim(string value)
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var before = await manager.Users.CountAsync();

        var asEmail = await users.CreateAsync(new NewUser(value, "Test", Roles.Clerk, null, DemoAccounts.Password));
        Assert.False(asEmail.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(asEmail.Message));

        // Odd characters may make a legitimate password; a bad one is refused with a message, never an exception.
        var asPassword = await users.CreateAsync(new NewUser($"p{Guid.NewGuid():N}@portal.local", "Test", Roles.Clerk, null, value));
        Assert.False(string.IsNullOrWhiteSpace(asPassword.Message));
        before = await manager.Users.CountAsync();

        var asRole = await users.CreateAsync(new NewUser($"r{Guid.NewGuid():N}@portal.local", "Test", value, null, DemoAccounts.Password));
        Assert.False(asRole.Succeeded);
        Assert.Equal(before, await manager.Users.CountAsync());

        var email = $"n{Guid.NewGuid():N}@portal.local";
        var asName = await users.CreateAsync(new NewUser(email, value, Roles.Clerk, null, DemoAccounts.Password));
        if (asName.Succeeded)
        {
            Assert.Equal(value, (await manager.FindByEmailAsync(email))!.DisplayName);
        }
        else
        {
            Assert.Equal(before, await manager.Users.CountAsync());
            Assert.False(string.IsNullOrWhiteSpace(asName.Message));
        }
    }

    [Fact]
    public async Task AnOtherUsersOrMissingIdChangesNothing()
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        foreach (var id in new[] { "", "missing", "' OR 1=1 --", new string('9', 5000) })
        {
            Assert.False((await users.LockAsync(id)).Succeeded);
            Assert.False((await users.SetRoleAsync(id, Roles.Admin, null)).Succeeded);
            Assert.False((await users.ResetPasswordAsync(id, DemoAccounts.Password)).Succeeded);
        }
    }

    [Fact]
    public async Task NobodyButAnAdminMayCallTheAccountService()
    {
        foreach (var account in DemoAccounts.All.Where(a => a.Role != Roles.Admin).Select(a => a.Email).Append(null))
        {
            await using var scope = await host.ScopeAsAsync(account);
            var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
            await Assert.ThrowsAsync<CapabilityDeniedException>(() => users.ListAsync());
            await Assert.ThrowsAsync<CapabilityDeniedException>(() => users.CreateAsync(new NewUser("x@portal.local", "X", Roles.Admin, null, DemoAccounts.Password)));
            await Assert.ThrowsAsync<CapabilityDeniedException>(() => users.UnlockAsync("x"));
        }
    }
}
