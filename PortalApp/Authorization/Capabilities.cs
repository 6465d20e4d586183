using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace PortalApp.Authorization;

/// <summary>
/// The service-side lock: every service method that reads or changes protected data asks this first,
/// so a missing page attribute or a crafted circuit call still meets the policy. It judges the account as it stands
/// now, not as it stood when the circuit or cookie was issued: a locked, demoted, reset or deleted account is refused.
/// </summary>
public sealed class Capabilities(IAuthorizationService authorization, AccountStanding standing, AuthenticationStateProvider? authState = null)
{
    // The framework's authentication state and authorization calls take no token; the account check does.
    public async Task<ClaimsPrincipal> CurrentUserAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return authState is null ? new ClaimsPrincipal() : (await authState.GetAuthenticationStateAsync()).User;
    }

    public async Task<ClaimsPrincipal> RequireAsync(string policy, ClaimsPrincipal? user = null, CancellationToken ct = default)
    {
        user ??= await CurrentUserAsync(ct);
        if (!await HasAsync(policy, user, ct))
        {
            throw new CapabilityDeniedException(policy);
        }
        return user;
    }

    public async Task<bool> HasAsync(string policy, ClaimsPrincipal? user = null, CancellationToken ct = default)
    {
        user ??= await CurrentUserAsync(ct);
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded && await standing.IsCurrentAsync(user, ct);
    }
}

public sealed class CapabilityDeniedException(string policy)
    : UnauthorizedAccessException($"You are not authorized to do this ({policy}).")
{
    public string Policy { get; } = policy;
}
