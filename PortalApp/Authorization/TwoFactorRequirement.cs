using PortalApp.Authorization;

namespace PortalApp.Authorization;

/// <summary>
/// Outside Development, the roles that decide and act (Admin, Solicitor, Stakeholder) and the Clerk, who reads
/// records with the least masking, must sign in with two factors. The lock is <see cref="TwoFactorSatisfied"/>, part of every policy; this adds the friendly path:
/// a page request from such a sign-in is sent to enrol an authenticator app instead of to "not authorized".
/// </summary>
public static class TwoFactorRequirement
{
    public static readonly IReadOnlyList<string> RolesThatNeedIt = [Roles.Admin, Roles.Solicitor, Roles.Stakeholder, Roles.Clerk];

    // Only where the redirect would not help (the public record is open to anyone, enrolled or not); what is refused
    // is decided by the policies, not by this list.
    private static readonly string[] NoRedirectPaths =
        ["/Account/Manage", "/Account/Logout", "/Account/Login", "/Account/KeepAlive", "/_framework", "/_content", "/_blazor", "/health", "/Error",
         "/transparency", "/verify"];

    public static bool IsRequired(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Portal:RequireTwoFactor", !environment.IsDevelopment());

    public static bool IsSatisfied(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true
        || !RolesThatNeedIt.Any(user.IsInRole)
        || user.HasClaim("amr", "mfa");

    /// <summary>Runs after authentication and before authorization, so the person sees enrolment rather than a refusal.</summary>
    public static IApplicationBuilder UseTwoFactorEnrolmentRedirect(this IApplicationBuilder app, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!IsRequired(configuration, environment))
        {
            return app;
        }
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (HttpMethods.IsGet(context.Request.Method) && !IsSatisfied(context.User)
                && !NoRedirectPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) && !Path.HasExtension(path.Value))
            {
                context.Response.Redirect("/Account/Manage/EnableAuthenticator?required=true");
                return;
            }
            await next();
        });
    }
}
