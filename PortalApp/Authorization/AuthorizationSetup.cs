using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace PortalApp.Authorization;

public static class AuthorizationSetup
{
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder()
            // Anything without an explicit policy is closed to anonymous visitors and to a sign-in that lacks its second factor.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(TwoFactorSatisfied.Requirement).Build());
        foreach (var (policy, roles) in CapabilityMap.RolesFor)
        {
            builder.AddPolicy(policy, p =>
            {
                p.RequireAuthenticatedUser().RequireRole(roles);
                // The one exception: a person not yet enrolled must still reach their own account pages to enrol.
                if (policy != Policies.OwnAccount)
                {
                    p.AddRequirements(TwoFactorSatisfied.Requirement);
                }
            });
        }
        services.AddSingleton<IAuthorizationHandler, TwoFactorSatisfiedHandler>();
        services.AddScoped<Capabilities>();
        return services;
    }

    public static string? PortalRole(this ClaimsPrincipal user) =>
        Roles.All.FirstOrDefault(user.IsInRole);

    public static string? Party(this ClaimsPrincipal user) => user.FindFirstValue(Roles.PartyClaim);

    /// <summary>
    /// The agency a liaison works for. A change of agency renews the account's security stamp, so a principal that
    /// carries an old agency is refused everywhere before it can be used.
    /// </summary>
    public static int? AgencyId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Roles.AgencyClaim), out var id) ? id : null;

    public static string? AgencyName(this ClaimsPrincipal user) => user.FindFirstValue(Roles.AgencyNameClaim);

    /// <summary>How the portal addresses the person: their display name, or the account name when they have none.</summary>
    public static string? DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(Roles.DisplayNameClaim) is { Length: > 0 } name ? name : user.Identity?.Name;
}
