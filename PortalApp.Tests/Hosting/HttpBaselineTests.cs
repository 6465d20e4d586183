using System.Net;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hosting;

[Collection(AppCollection.Name)]
public sealed class HttpBaselineTests(PortalHost host)
{
    [Fact]
    public async Task HealthAnswersOkWithTheDatabaseReachable()
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, null);
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("reachable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, null);
        var response = await client.GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task TheSignInCookieIsHttpOnlyAndSameSiteStrict()
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, null);
        var response = await SignIn.PostLoginAsync(client, "clerk@portal.local", PortalApp.Seeding.DemoAccounts.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThereIsNoSelfRegistration()
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, "clerk@portal.local");
        var response = await client.GetAsync("/Account/Register");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
