using System.Net;
using Microsoft.AspNetCore.Hosting;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hosting;

public sealed class RateLimitedHost : PortalHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:SignInPermitsPerMinute", "3");
    }
}

public sealed class SignInRateLimitTests(RateLimitedHost host) : IClassFixture<RateLimitedHost>
{
    [Fact]
    public async Task SignInPostsAreLimitedPerClientAddress()
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SignIn.PostLoginAsync(client, "nobody@portal.local", "Wrong-password-1!")).StatusCode);
        }
        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // Pages other than the sign-in post are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
