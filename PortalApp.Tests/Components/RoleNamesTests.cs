using System.Security.Claims;
using Bunit;
using PortalApp.Authorization;
using PortalApp.Components.Layout;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Components;

public sealed class RoleNamesTests : MudComponentTest
{
    public static TheoryData<string> AllRoles() => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void TheUserMenuNamesEveryRoleInPeoplesWords(string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized($"{role}@portal.local");
        auth.SetRoles(role);

        var menu = RenderWithMud<UserMenu>();

        var shown = menu.Find("[data-testid=user-role]").TextContent.Trim();
        Assert.Equal(RoleNames.Of(role), shown);
        Assert.DoesNotMatch("[a-z][A-Z]", shown);
    }

    [Fact]
    public void TheLiaisonReadsAsAgencyLiaisonAndAStakeholderWithTheirParty()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("city@portal.local");
        auth.SetRoles(Roles.Stakeholder);
        auth.SetClaims(new Claim(Roles.PartyClaim, "City"));

        var menu = RenderWithMud<UserMenu>();

        Assert.Equal("Agency liaison", RoleNames.Of(Roles.AgencyLiaison));
        Assert.Equal("Stakeholder · City", menu.Find("[data-testid=user-role]").TextContent.Trim());
    }
}
