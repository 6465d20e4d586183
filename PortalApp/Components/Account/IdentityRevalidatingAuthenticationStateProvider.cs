using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PortalApp.Authorization;

namespace PortalApp.Components.Account;

/// <summary>
/// A circuit's sign-in, kept honest: the moment its account is revoked (on any instance) the circuit becomes anonymous,
/// so AuthorizeRouteView takes the page away and sends the browser to sign in. Every few seconds it also asks whether
/// the account still stands, in case a revocation message was lost; that check is a cached row read.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly AccountStanding standing;
    private readonly IDisposable subscription;
    private readonly string userIdClaimType;
    private Task<AuthenticationState>? current;

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory, AccountStanding standing, IOptions<IdentityOptions> options)
        : base(loggerFactory)
    {
        this.standing = standing;
        userIdClaimType = options.Value.ClaimsIdentity.UserIdClaimType;
        AuthenticationStateChanged += state => current = state;
        subscription = standing.OnRevoked(OnRevokedAsync);
    }

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        standing.IsCurrentAsync(authenticationState.User, cancellationToken);

    private async Task OnRevokedAsync(string userId)
    {
        if (current is null)
        {
            return;
        }
        var user = (await current).User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(userIdClaimType) == userId)
        {
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            subscription.Dispose();
        }
        base.Dispose(disposing);
    }
}
