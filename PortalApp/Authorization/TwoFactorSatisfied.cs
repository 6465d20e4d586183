using Microsoft.AspNetCore.Authorization;

namespace PortalApp.Authorization;

/// <summary>
/// Part of every capability policy (and the fallback): where two-factor sign-in is required, a role that needs it
/// passes only with a sign-in that proved the second factor (the "amr" claim Identity sets on a two-factor sign-in).
/// Because it lives in the policies, pages, endpoints, circuits and service calls all refuse alike, whatever the path.
/// </summary>
public sealed class TwoFactorSatisfied : IAuthorizationRequirement
{
    public static readonly TwoFactorSatisfied Requirement = new();
}

public sealed class TwoFactorSatisfiedHandler(IConfiguration configuration, IHostEnvironment environment)
    : AuthorizationHandler<TwoFactorSatisfied>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorSatisfied requirement)
    {
        if (!TwoFactorRequirement.IsRequired(configuration, environment) || TwoFactorRequirement.IsSatisfied(context.User))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
