using System.Net;
using static PortalApp.Tests.Hardening.ReturnUrlRequests;

namespace PortalApp.Tests.Hardening;

/// <summary>In Production (where the tester first saw a bare 500) the same hostile addresses land on the home page.</summary>
public sealed class HostileReturnUrlInProductionTests(SecureCookieTests.ProductionHttpsHost host)
    : IClassFixture<SecureCookieTests.ProductionHttpsHost>
{
    [Fact]
    public async Task EveryHostileReturnAddressLandsOnTheHomePageInProduction()
    {
        foreach (string returnUrl in Hostile())
        {
            using var client = Client(host.BaseUrl);
            Assert.Equal(HttpStatusCode.OK, (await GetLoginAsync(client, returnUrl)).StatusCode);
            var signedIn = await PostLoginAsync(client, returnUrl);
            Assert.Equal("/", LocalTarget(signedIn, host.BaseUrl, returnUrl).PathAndQuery);
        }
    }
}
