using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Ballots;

/// <summary>The decision lives in the database, not in the server's memory: it is there after the process dies.</summary>
[Collection(BallotCollection.Name)]
public sealed class DecisionSurvivesRestartTests(BrowserFixture browser)
{
    private async Task<IPage> BallotPageAsync(PortalProcess portal, string email)
    {
        var page = await browser.NewPageAsync();
        await SignIn.ToAsync(page, portal.BaseUrl, email, "/ballots/1");
        return page;
    }

    private async Task VoteTerminateAsync(PortalProcess portal, string email)
    {
        var page = await BallotPageAsync(portal, email);
        var panel = page.GetByTestId("vote-panel");
        await panel.GetByText("Terminate the agreement").ClickAsync();
        await panel.Locator("textarea").FillAsync("Restart test.");
        await panel.GetByTestId("cast-vote").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cast vote" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("vote-accepted")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ADecidedBallotIsStillDecidedAfterTheServerIsKilledAndStartedAgain()
    {
        await using var portal = new PortalProcess();
        await portal.StartAsync();
        await VoteTerminateAsync(portal, "city@portal.local");
        await VoteTerminateAsync(portal, "da@portal.local");

        portal.Kill();
        await portal.StartAsync();

        var courts = await BallotPageAsync(portal, "courts@portal.local");
        await Assertions.Expect(courts.GetByTestId("ballot-decision")).ToContainTextAsync("Decided: Terminate");
        await Assertions.Expect(courts.GetByTestId("vote-panel")).ToHaveCountAsync(0);
        await Assertions.Expect(courts.GetByTestId("vote-history")).ToContainTextAsync("Restart test.");
        await courts.GotoAsync($"{portal.BaseUrl}/agreements/1");
        await Assertions.Expect(courts.GetByTestId("agreement-timeline")).ToContainTextAsync("The termination threshold was met: Terminate.");
        await courts.Context.CloseAsync();
    }
}
