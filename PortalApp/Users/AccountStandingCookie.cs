using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PortalApp.Authorization;

namespace PortalApp.Users;

/// <summary>
/// Every request's sign-in cookie is checked against the account as it stands (a cached row read, see
/// <see cref="AccountStanding"/>) and against its session (<see cref="SessionClock"/>), so a revoked account's or a
/// signed-out session's cookie stops working at once on every instance, not at Identity's next stamp validation.
/// Identity's own validator still runs after it to renew the cookie's claims, keeping the sign-in's own claims.
/// </summary>
public static class AccountStandingCookie
{
    private const string Renewed = "portal.cookie-renewed";

    /// <summary>The idle script's keep-alive: a request that always renews the cookie, so input in a circuit counts.</summary>
    public const string KeepAlivePath = "/Account/KeepAlive";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var sessions = http.RequestServices.GetRequiredService<SessionClock>();
        var standing = http.RequestServices.GetRequiredService<AccountStanding>();
        if (context.Principal is not { } principal)
        {
            return;
        }
        if (http.Request.Path.StartsWithSegments(KeepAlivePath, StringComparison.OrdinalIgnoreCase))
        {
            context.ShouldRenew = true;
        }
        var renewedUntil = context.Options.TimeProvider!.GetUtcNow() + context.Options.ExpireTimeSpan;
        var idleEnd = context.ShouldRenew || http.Items.ContainsKey(Renewed) ? renewedUntil : context.Properties.ExpiresUtc ?? renewedUntil;
        if (!sessions.Touch(principal, idleEnd) || !await standing.IsCurrentAsync(principal, http.RequestAborted))
        {
            context.RejectPrincipal();
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.ShouldRenew && context.Principal is { } renewed)
        {
            sessions.Touch(renewed, renewedUntil);
        }
    }

    /// <summary>The cookie handler's sliding renewal runs before validation; remember it, so the session's idle end follows.</summary>
    public static Task NoteSlidingRenewalAsync(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew)
        {
            context.HttpContext.Items[Renewed] = true;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Identity rebuilds the principal from the database at each stamp validation and would drop what only the sign-in
    /// knows: how it was made (amr: a two-factor sign-in stays one) and which session it belongs to.
    /// </summary>
    public static Task KeepSignInClaimsAsync(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal is { } current && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
        {
            foreach (var claim in current.Claims.Where(c => c.Type is "amr" or SessionClock.IdClaim or SessionClock.StartedClaim))
            {
                identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
            }
        }
        return Task.CompletedTask;
    }
}
