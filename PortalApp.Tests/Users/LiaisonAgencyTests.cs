using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Masking;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Users;

namespace PortalApp.Tests.Users;

/// <summary>
/// A liaison belongs to exactly one agency, set by the Admin: none is refused, and a move to another agency ends the
/// old sign-in at its next call while the next sign-in sees the other agency's schedule. Creates accounts, so a portal of its own.
/// </summary>
public sealed class LiaisonAgencyTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task ALiaisonWithoutAnAgencyIsRefusedWithAMessageAndNotCreated()
    {
        var email = $"no-agency-{Guid.NewGuid():N}@portal.local";
        var result = await AsAdminAsync(users => users.CreateAsync(new NewUser(email, "No Agency", Roles.AgencyLiaison, null, DemoAccounts.Password)));

        Assert.False(result.Succeeded);
        Assert.Equal("An agency liaison must belong to an agency: choose one.", result.Message);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>().FindByEmailAsync(email));
        }

        var clerk = await AsAdminAsync(users => users.CreateAsync(new NewUser(email, "Clerk With Agency", Roles.Clerk, null, DemoAccounts.Password,
            AgencyId: 999_999)));
        Assert.Equal("Only agency liaisons belong to an agency.", clerk.Message);
        var unknown = await AsAdminAsync(users => users.CreateAsync(new NewUser(email, "Unknown Agency", Roles.AgencyLiaison, null, DemoAccounts.Password,
            AgencyId: 999_999)));
        Assert.Equal("That agency does not exist: choose one of the list.", unknown.Message);
    }

    [Fact]
    public async Task ALiaisonMovedToAnotherAgencySeesThatAgencysScheduleAndTheOldSignInIsRefused()
    {
        var email = $"moved-{Guid.NewGuid():N}@portal.local";
        var fbi = await TestAgencies.IdAsync(host, DemoAgencies.Fbi);
        var ice = await TestAgencies.IdAsync(host, DemoAgencies.Ice);
        Assert.True((await AsAdminAsync(users => users.CreateAsync(new NewUser(email, "Moved Liaison", Roles.AgencyLiaison, null, DemoAccounts.Password, fbi)))).Succeeded);
        var id = await RevokedAccount.IdOfAsync(host, email);

        await using var before = await host.ScopeAsAsync(email);
        Assert.Equal((MaskingAction.Partial, DemoFbiAgreement.Reference), await NameActionAsync(before));

        var moved = await AsAdminAsync(users => users.SetRoleAsync(id, Roles.AgencyLiaison, null, ice));
        Assert.True(moved.Succeeded, moved.Message);
        Assert.Equal($"{email} is now Agency liaison of ICE.", moved.Message);

        await Assert.ThrowsAsync<CapabilityDeniedException>(() => before.ServiceProvider.GetRequiredService<Capabilities>().RequireAsync(Policies.BrowseRecords));
        await using var after = await host.ScopeAsAsync(email);
        Assert.Equal((MaskingAction.Show, DemoAgreement.Reference), await NameActionAsync(after));

        var toClerk = await AsAdminAsync(users => users.SetRoleAsync(id, Roles.Clerk, null, ice));
        Assert.Equal("Only agency liaisons belong to an agency.", toClerk.Message);
        var withoutAgency = await AsAdminAsync(users => users.SetRoleAsync(id, Roles.AgencyLiaison, null, null));
        Assert.Equal("An agency liaison must belong to an agency: choose one.", withoutAgency.Message);
    }

    private static async Task<(MaskingAction Name, string? Agreement)> NameActionAsync(AsyncServiceScope scope)
    {
        var user = await scope.ServiceProvider.GetRequiredService<Capabilities>().CurrentUserAsync();
        var access = await scope.ServiceProvider.GetRequiredService<MaskingPolicyService>().AccessForAsync(user);
        var policy = access.Policy ?? throw new InvalidOperationException(access.Refusal);
        return (policy.ActionFor(RecordFields.Name), (await scope.ServiceProvider.GetRequiredService<MaskingPolicyService>().LiaisonAgreementAsync())?.Reference);
    }

    private async Task<OperationResult> AsAdminAsync(Func<UserAdminService, Task<OperationResult>> change)
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        return await change(scope.ServiceProvider.GetRequiredService<UserAdminService>());
    }
}
