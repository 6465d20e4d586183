using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using PortalApp.Common;

namespace PortalApp.Authorization;

/// <summary>
/// When each sign-in session ends, known on the server: its idle end (the sign-in cookie's sliding expiry, as last
/// renewed by a request of that session on this instance) and its lifetime end (<c>Portal:SessionLifetimeHours</c> after
/// the sign-in). The cookie handler refuses an expired cookie by itself; this tells an open circuit, which sends no
/// requests, that its session is over. A browser's requests and circuit reach the same instance (sticky sessions).
/// </summary>
public sealed class SessionClock(TimeProvider time, IOptions<PortalOptions> options)
{
    public const string IdClaim = "portal_session";
    public const string StartedClaim = "portal_session_started";

    private readonly ConcurrentDictionary<string, DateTimeOffset> idleEnds = new();
    private DateTimeOffset nextSweep;

    public TimeSpan Lifetime => TimeSpan.FromHours(options.Value.SessionLifetimeHours);

    /// <summary>The claims of a new session, added to every fresh sign-in.</summary>
    public IEnumerable<Claim> NewSessionClaims() =>
    [
        new(IdClaim, Guid.NewGuid().ToString("N")),
        new(StartedClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
    ];

    public static IEnumerable<Claim> SessionClaimsOf(ClaimsPrincipal user) =>
        user.Claims.Where(c => c.Type is IdClaim or StartedClaim);

    /// <summary>
    /// A request of this session was let in with a cookie valid until <paramref name="idleEnd"/>; false when the principal
    /// carries no session or the session has outlived its lifetime (the cookie must then be refused).
    /// </summary>
    public bool Touch(ClaimsPrincipal user, DateTimeOffset idleEnd)
    {
        if (user.FindFirstValue(IdClaim) is not { } id || !WithinLifetime(user))
        {
            return false;
        }
        idleEnds.AddOrUpdate(id, idleEnd, (_, known) => known > idleEnd ? known : idleEnd);
        Sweep();
        return true;
    }

    /// <summary>
    /// Whether the principal's session is still open. A principal without a session was not made by a sign-in (a
    /// service scope, the command line) and is judged by its account alone; cookies without one are refused on arrival.
    /// </summary>
    public bool IsLive(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(IdClaim) is not { } id)
        {
            return true;
        }
        return WithinLifetime(user) && idleEnds.TryGetValue(id, out var end) && end > time.GetUtcNow();
    }

    private bool WithinLifetime(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(StartedClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var started)
        && time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(started) < Lifetime;

    private void Sweep()
    {
        var now = time.GetUtcNow();
        if (now < nextSweep)
        {
            return;
        }
        nextSweep = now.AddMinutes(1);
        foreach (var (id, end) in idleEnds)
        {
            if (end <= now)
            {
                idleEnds.TryRemove(id, out _);
            }
        }
    }
}
