using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using PortalApp.Authorization;

namespace PortalApp.Users;

/// <summary>
/// Every sign-in belongs to a session (<see cref="SessionClock"/>): a fresh sign-in starts one; a renewal of the same
/// person's sign-in (a new password, an authenticator just enrolled) continues the one it renews, lifetime included.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    SessionClock sessions)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var current = Context.User;
        var samePerson = current.Identity?.IsAuthenticated == true
            && current.FindFirstValue(Options.ClaimsIdentity.UserIdClaimType) == await UserManager.GetUserIdAsync(user);
        var session = samePerson && SessionClock.SessionClaimsOf(current).Count() == 2
            ? SessionClock.SessionClaimsOf(current).Select(c => new Claim(c.Type, c.Value))
            : sessions.NewSessionClaims();
        var claims = additionalClaims.Where(c => c.Type is not (SessionClock.IdClaim or SessionClock.StartedClaim)).Concat(session);
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}
