using System.Net;
using PortalApp.Tests.Hardening;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Transparency;

/// <summary>In Production, an official who has not enrolled a second factor still reads the public record, as anyone may.</summary>
[Collection(ProductionTwoFactorCollection.Name)]
public sealed class TransparencyTwoFactorTests(ProductionPortalHost host)
{
    [Fact]
    public async Task APasswordOnlyStakeholderReadsThePublicRecordInsteadOfBeingSentToEnrol()
    {
        using var city = await SignIn.ClientAsync(host.BaseUrl, "city@portal.local");
        foreach (var path in new[] { "/transparency", "/transparency.csv", "/transparency.json" })
        {
            var answer = await city.GetAsync(path);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{path}: {(int)answer.StatusCode} {answer.Headers.Location}");
        }
    }
}
