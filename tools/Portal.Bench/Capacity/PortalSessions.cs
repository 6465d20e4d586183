using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Bench.Capacity;

/// <summary>
/// Signed-in sessions through the real Identity form, one per account, shared by that account's circuits: the
/// sign-in cookie holds no server state, so sharing it changes nothing the server keeps per circuit, and it spares
/// a password hash per circuit (the bench measures circuits, not sign-in).
/// </summary>
public sealed partial class PortalSessions(Uri baseUri, string password) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Session>>> sessions = new(StringComparer.OrdinalIgnoreCase);

    public Uri BaseUri => baseUri;

    public Task<Session> ForAsync(string email) =>
        sessions.GetOrAdd(email, e => new Lazy<Task<Session>>(() => SignInAsync(e))).Value;

    private async Task<Session> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var form = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        var location = response.Headers.Location?.ToString() ?? "";
        if (response.StatusCode != HttpStatusCode.Redirect || location.Contains("/Account/", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode} {location}.");
        }
        return new Session(email, client, cookies.GetCookieHeader(baseUri));
    }

    public void Dispose()
    {
        foreach (var session in sessions.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            session.Value.Result.Http.Dispose();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>A signed-in account: its HTTP client (page loads) and its cookie header (the circuit's WebSocket).</summary>
public sealed record Session(string Email, HttpClient Http, string CookieHeader);
