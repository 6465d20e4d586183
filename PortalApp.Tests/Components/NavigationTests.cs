using System.Security.Claims;
using Bunit;
using PortalApp.Authorization;
using PortalApp.Components.Layout;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Components;

public sealed class NavigationTests : MudComponentTest
{
    public static TheoryData<string> AllRoles() => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void TheDrawerShowsExactlyTheEntriesTheRoleMayUse(string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized($"{role}@portal.local");
        auth.SetRoles(role);
        auth.SetPolicies([.. CapabilityMap.RolesFor.Where(p => p.Value.Contains(role)).Select(p => p.Key)]);

        var menu = RenderWithMud<NavMenu>();

        var shown = menu.FindAll("[data-testid^=nav-]").Select(e => e.GetAttribute("data-testid") ?? "").ToHashSet();
        var expected = NavItems.All.Where(i => CapabilityMap.Allows(role, i.Policy)).Select(i => $"nav-{i.Key}").ToHashSet();
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void TheUserMenuNamesTheRoleAndTheParty()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("da@portal.local");
        auth.SetRoles(Roles.Stakeholder);
        auth.SetClaims(new Claim(Roles.PartyClaim, "DistrictAttorney"));

        var menu = RenderWithMud<UserMenu>();

        Assert.Equal("da@portal.local", menu.Find("[data-testid=user-name]").TextContent);
        Assert.Contains("Stakeholder · District Attorney", menu.Find("[data-testid=user-role]").TextContent, StringComparison.Ordinal);
    }
}
