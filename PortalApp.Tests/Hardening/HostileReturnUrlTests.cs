using System.Net;
using PortalApp.Tests.Infrastructure;
using static PortalApp.Tests.Hardening.ReturnUrlRequests;

namespace PortalApp.Tests.Hardening;

[Collection(AppCollection.Name)]
public sealed class HostileReturnUrlTests(PortalHost host)
{
    [Theory]
    [MemberData(nameof(Hostile), MemberType = typeof(ReturnUrlRequests))]
    public async Task AHostileReturnAddressShowsTheSignInFormAndASignInLandsOnTheHomePage(string returnUrl)
    {
        using var client = Client(host.BaseUrl);

        var form = await GetLoginAsync(client, returnUrl);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);

        var signedIn = await PostLoginAsync(client, returnUrl);
        Assert.Equal("/", LocalTarget(signedIn, host.BaseUrl, returnUrl).PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(Hostile), MemberType = typeof(ReturnUrlRequests))]
    public async Task TheTwoFactorPagesAndSignOutSendAHostileReturnAddressNowhereButThisSite(string returnUrl)
    {
        using var client = Client(host.BaseUrl);
        foreach (var page in new[] { "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode" })
        {
            var answer = await client.GetAsync($"{page}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
            Assert.Equal("/Account/Login", LocalTarget(answer, host.BaseUrl, returnUrl).AbsolutePath);
        }

        var signedOut = await PostLogoutAsync(client, returnUrl);
        Assert.Equal("/", LocalTarget(signedOut, host.BaseUrl, returnUrl).PathAndQuery);
    }

    [Fact]
    public async Task AReturnAddressOnThisSiteIsStillWhereTheSignInLands()
    {
        using var client = Client(host.BaseUrl);

        var path = await PostLoginAsync(client, "/records?district=24");
        Assert.Equal("/records?district=24", LocalTarget(path, host.BaseUrl, "/records").PathAndQuery);

        // The redirect to sign-in passes the page asked for as an absolute address on this site.
        using var second = Client(host.BaseUrl);
        var absolute = await PostLoginAsync(second, $"{host.BaseUrl}/agreements");
        Assert.Equal("/agreements", LocalTarget(absolute, host.BaseUrl, "absolute").PathAndQuery);
    }
}
