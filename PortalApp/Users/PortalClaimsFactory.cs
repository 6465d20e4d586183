using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Authorization;

namespace PortalApp.Users;

/// <summary>
/// Adds the display name and, for a liaison, the agency to the sign-in, so pages can greet the person and every
/// access can follow the agency's agreement without a database read.
/// </summary>
public sealed class PortalClaimsFactory(
    IDbContextFactory<PortalDbContext> dbFactory,
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
        if (user.AgencyId is { } agencyId)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var shortName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.ShortName).FirstAsync();
            identity.AddClaim(new Claim(Roles.AgencyClaim, agencyId.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(Roles.AgencyNameClaim, shortName));
        }
        return identity;
    }
}
