using System.Net;
using Microsoft.AspNetCore.Hosting;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Authorization;

public sealed class TwoFactorRequiredHost : PortalHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:RequireTwoFactor", "true");
    }
}

public sealed class TwoFactorTests(TwoFactorRequiredHost host) : IClassFixture<TwoFactorRequiredHost>
{
    [Fact]
    public async Task AnAdminWithoutTwoFactorIsSentToEnrolAndAnAuditorIsNot()
    {
        using var admin = await SignIn.ClientAsync(host.BaseUrl, "courts@portal.local");
        var response = await admin.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Manage/EnableAuthenticator", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var auditor = await SignIn.ClientAsync(host.BaseUrl, "auditor@portal.local");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task EnrollingAnAuthenticatorLetsTheAdminInAndTheNextSignInAsksForTheCode()
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, "admin@portal.local");
        Assert.Contains("requires two-factor sign-in", await client.GetStringAsync("/Account/Manage/EnableAuthenticator?required=true"), StringComparison.Ordinal);
        var verify = await TwoFactorEnrolment.EnrolAsync(client);
        Assert.Contains("recovery codes", verify, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        using var fresh = await SignIn.ClientAsync(host.BaseUrl, null);
        var login = await SignIn.PostLoginAsync(fresh, "admin@portal.local", PortalApp.Seeding.DemoAccounts.Password);
        Assert.Contains("LoginWith2fa", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
