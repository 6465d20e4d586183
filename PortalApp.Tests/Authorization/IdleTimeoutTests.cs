using System.Net;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Authorization;

public sealed class IdleTimeoutTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task ASessionEndsAfterThirtyMinutesIdleButNotWhileInUse()
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, "clerk@portal.local");
        for (var i = 0; i < 3; i++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }

        host.Time.Advance(TimeSpan.FromMinutes(31));
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
