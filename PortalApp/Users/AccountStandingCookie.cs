using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace PortalApp.Users;

/// <summary>
/// Every request's sign-in cookie is checked against the account as it stands (a cached row read, see
/// <see cref="AccountStanding"/>), so a revoked account's cookie stops working at once on every instance, not at
/// Identity's next stamp validation. Identity's own validator still runs after it to renew the cookie's claims.
/// </summary>
public static class AccountStandingCookie
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var standing = context.HttpContext.RequestServices.GetRequiredService<AccountStanding>();
        if (context.Principal is { } principal && !await standing.IsCurrentAsync(principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
