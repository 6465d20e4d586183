using System.Net;
using Microsoft.AspNetCore.Hosting;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Verify;

public sealed class VerifyRateLimitedHost : PortalHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Letters:VerifyPermitsPerMinute", "3");
    }
}

public sealed class VerifyRateLimitTests(VerifyRateLimitedHost host) : IClassFixture<VerifyRateLimitedHost>
{
    [Fact]
    public async Task VerifyRequestsArePerAddressLimitedWithAMessageAndOtherPagesAreNot()
    {
        using var anonymous = await SignIn.ClientAsync(host.BaseUrl, null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await anonymous.GetAsync($"/verify?q=SOL-2026-{i:D4}")).StatusCode);
        }
        var refused = await anonymous.GetAsync("/verify");

        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many verification requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        // Another address has its own allowance (the portal trusts X-Forwarded-For from a loopback proxy only).
        using var other = new HttpRequestMessage(HttpMethod.Get, "/verify");
        other.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(other)).StatusCode);
    }
}
