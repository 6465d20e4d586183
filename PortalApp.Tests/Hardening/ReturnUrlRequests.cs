using System.Net;
using System.Text.RegularExpressions;
using PortalApp.Seeding;

namespace PortalApp.Tests.Hardening;

/// <summary>Issue 19, item 7: the return addresses an outside tester tried, and the sign-in requests that carry them.</summary>
public static partial class ReturnUrlRequests
{
    public static TheoryData<string> Hostile() => new()
    {
        "//evil", "/\\evil", "/\\\\evil", "\\\\evil", "\\/evil", "///evil", "//evil/%2e%2e", "http://evil", "https://evil.example/x",
        "HTTP://evil", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
        "%2F%2Fevil", "%5C%5Cevil", "/\t/evil", " //evil", "~//evil", "~/\\evil", "http:/evil", "http:evil",
        "//127.0.0.1@evil", "\u3002evil",
    };

    public static async Task<HttpResponseMessage> GetLoginAsync(HttpClient client, string returnUrl) =>
        await client.GetAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>A correct sign-in posted to the login page with <paramref name="returnUrl"/> in its address, as the form does.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string returnUrl, string email = "clerk@portal.local", string password = DemoAccounts.Password)
    {
        var url = $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static async Task<HttpResponseMessage> PostLogoutAsync(HttpClient client, string returnUrl)
    {
        var form = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        return await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["returnUrl"] = returnUrl,
        }));
    }

    public static HttpClient Client(string baseUrl) =>
        new(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Subject == "CN=localhost",
        })
        { BaseAddress = new Uri(baseUrl) };

    /// <summary>The redirect's target, resolved as a browser would; it must be on <paramref name="baseUrl"/>.</summary>
    public static Uri LocalTarget(HttpResponseMessage response, string baseUrl, string asked)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"ReturnUrl {asked}: answered {(int)response.StatusCode}, not a redirect");
        var location = response.Headers.Location!;
        var site = new Uri(baseUrl);
        var target = new Uri(site, location);
        Assert.True(target.Scheme == site.Scheme && target.Authority == site.Authority, $"ReturnUrl {asked}: sent to {location}");
        var raw = location.OriginalString;
        Assert.False(raw.StartsWith("//", StringComparison.Ordinal) || raw.StartsWith("/\\", StringComparison.Ordinal), $"ReturnUrl {asked}: Location {raw}");
        return target;
    }

    private static string Token(string form) => AntiforgeryField().Match(form).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
