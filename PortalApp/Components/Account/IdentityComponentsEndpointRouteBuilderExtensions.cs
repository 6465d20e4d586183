using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // The sign-out endpoint used by the app bar's menu and the idle script, and the idle script's keep-alive; the other
    // Identity flows are static Razor components.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<PortalUser> signInManager,
            HttpContext context,
            [FromServices] AccessLog accessLog,
            [FromServices] AccountStanding standing,
            [FromForm] string? returnUrl) =>
        {
            if (user.Identity?.IsAuthenticated == true)
            {
                await accessLog.AppendAsync(new AccessEvent(AccessActions.SignOut) { Actor = user });
                // A copy of this cookie (another tab, a stolen one) must not outlive the sign-out: a new stamp refuses every
                // cookie and circuit issued before it, on every instance (docs/security.md, sessions).
                if (await signInManager.UserManager.GetUserAsync(user) is { } account)
                {
                    await signInManager.UserManager.UpdateSecurityStampAsync(account);
                    standing.Revoke(account.Id);
                }
            }
            await signInManager.SignOutAsync();
            var site = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/";
            return TypedResults.LocalRedirect(PortalApp.Components.Account.ReturnUrls.Local(returnUrl, site));
        }).AllowAnonymous();

        accountGroup.MapGet("/KeepAlive", () => TypedResults.NoContent())
            .RequireAuthorization(PortalApp.Authorization.Policies.OwnAccount);

        return accountGroup;
    }
}
