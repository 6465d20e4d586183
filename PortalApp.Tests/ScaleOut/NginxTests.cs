using System.Net;
using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.ScaleOut;

/// <summary>The README's set-up: two instances behind nginx with sticky sessions, using the committed configuration.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.AlwaysPostgres)]
public sealed class NginxTests(TwoInstances portal, BrowserFixture browser)
{
    [Fact]
    public async Task BehindNginxEveryRequestOfABrowserReachesOneInstanceAndBothInstancesServe()
    {
        await using var nginx = new NginxProxy();
        await nginx.StartAsync(portal.A.Port, portal.B.Port);

        var instancesSeen = new HashSet<string>();
        for (var browserNumber = 0; browserNumber < 12; browserNumber++)
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
            var served = new HashSet<string>();
            for (var request = 0; request < 4; request++)
            {
                var response = await client.GetAsync($"{nginx.BaseUrl}/Account/Login");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                served.Add(response.Headers.GetValues("X-Portal-Instance").Single());
            }
            Assert.Single(served);
            instancesSeen.UnionWith(served);
        }
        Assert.Equal(2, instancesSeen.Count);
    }

    [Fact]
    public async Task ThroughNginxAStakeholderSeesAVoteCastOnTheOtherInstanceLive()
    {
        await using var nginx = new NginxProxy();
        await nginx.StartAsync(portal.A.Port, portal.B.Port);
        var watcher = await browser.NewPageAsync();
        await SignIn.AsAsync(watcher, nginx.BaseUrl, "courts@portal.local");
        var ballot = await watcher.GotoAsync($"{nginx.BaseUrl}/ballots/1");
        await Interactive.WaitAsync(watcher);
        var servedBy = (await ballot!.AllHeadersAsync())["x-portal-instance"];
        var other = servedBy.EndsWith($":{portal.A.Port}", StringComparison.Ordinal) ? portal.B : portal.A;

        var voter = await browser.NewPageAsync();
        await SignIn.ToAsync(voter, other.BaseUrl, "da@portal.local", "/ballots/1");
        var panel = voter.GetByTestId("vote-panel");
        await panel.GetByText("Renew for a new term").ClickAsync();
        await panel.Locator("textarea").FillAsync("Cast on the other instance.");
        await panel.GetByTestId("cast-vote").ClickAsync();
        await voter.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cast vote" }).ClickAsync();
        // Two instances, PostgreSQL and nginx on a busy 2-core machine: the vote's write can take longer than a page.
        await Assertions.Expect(voter.GetByTestId("vote-accepted")).ToBeVisibleAsync(new() { Timeout = 45_000 });

        await Assertions.Expect(watcher.GetByTestId("seat-vote-DistrictAttorney")).ToContainTextAsync("Renew", new() { Timeout = 2000 });
        await voter.Context.CloseAsync();
        await watcher.Context.CloseAsync();
    }
}
