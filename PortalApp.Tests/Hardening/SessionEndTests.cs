using System.Net;
using System.Text.RegularExpressions;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hardening;

/// <summary>Issue 19, item 6, for plain requests: a session ends at sign-out for every copy of its cookie, and at its lifetime.</summary>
[Collection(ShortSessionCollection.Name)]
public sealed partial class SessionEndTests(ShortSessionHost host)
{
    [Fact]
    public async Task ACopyOfTheCookieTakenBeforeSignOutIsRefusedAfterIt()
    {
        var jar = new CookieContainer();
        using var signedIn = Client(jar);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostLoginAsync(signedIn, "clerk@portal.local", PortalApp.Seeding.DemoAccounts.Password)).StatusCode);
        var copied = new CookieContainer();
        copied.Add(jar.GetCookies(new Uri(host.BaseUrl)));
        using var copy = Client(copied);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);

        var form = await signedIn.GetStringAsync("/Account/Manage/ChangePassword");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var signOut = await signedIn.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["ReturnUrl"] = "" }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var after = await copy.GetAsync("/records/export.csv");
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
        var home = await copy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionInUseEndsAtItsLifetime()
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, "auditor@portal.local");
        for (var elapsed = 0; elapsed < 56; elapsed += 4)
        {
            host.Time.Advance(TimeSpan.FromMinutes(4));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        host.Time.Advance(TimeSpan.FromMinutes(4));
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true }) { BaseAddress = new Uri(host.BaseUrl) };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
