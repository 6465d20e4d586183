using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using PortalApp.Authorization;

namespace PortalApp.Users;

/// <summary>Adds the display name to the sign-in, so pages can greet the person without a database read.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(Roles.DisplayNameClaim, user.DisplayName));
        }
        return identity;
    }
}
