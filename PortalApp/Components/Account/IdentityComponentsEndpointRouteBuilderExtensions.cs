using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.Entities;
using PortalApp.Audit;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // The sign-out endpoint used by the app bar's menu; the other Identity flows are static Razor components.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<PortalUser> signInManager,
            HttpContext context,
            [FromServices] AccessLog accessLog,
            [FromForm] string? returnUrl) =>
        {
            if (user.Identity?.IsAuthenticated == true)
            {
                await accessLog.AppendAsync(new AccessEvent(AccessActions.SignOut) { Actor = user });
            }
            await signInManager.SignOutAsync();
            var site = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/";
            return TypedResults.LocalRedirect(PortalApp.Components.Account.ReturnUrls.Local(returnUrl, site));
        }).AllowAnonymous();

        return accountGroup;
    }
}
