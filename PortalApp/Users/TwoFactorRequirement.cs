using PortalApp.Authorization;

namespace PortalApp.Users;

/// <summary>
/// Outside Development, the roles that decide and act (Admin, Solicitor, Stakeholder) must sign in with
/// two factors: until they have, every page sends them to enrol an authenticator app.
/// </summary>
public static class TwoFactorRequirement
{
    public static readonly IReadOnlyList<string> RolesThatNeedIt = [Roles.Admin, Roles.Solicitor, Roles.Stakeholder];

    private static readonly string[] OpenPaths =
        ["/Account/Manage/EnableAuthenticator", "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/GenerateRecoveryCodes",
         "/Account/Logout", "/Account/Login", "/_framework", "/_content", "/_blazor", "/health", "/Error"];

    public static bool IsSatisfied(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true
        || !RolesThatNeedIt.Any(user.IsInRole)
        || user.HasClaim("amr", "mfa");

    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!configuration.GetValue("Portal:RequireTwoFactor", !environment.IsDevelopment()))
        {
            return app;
        }
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!IsSatisfied(context.User) && !OpenPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) && !Path.HasExtension(path.Value))
            {
                context.Response.Redirect("/Account/Manage/EnableAuthenticator?required=true");
                return;
            }
            await next();
        });
    }
}
