using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data.Entities;
using PortalApp.Ballots;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Ballots;

/// <summary>The scenario on the demo ballot, in Chromium: several officials watching one ballot live.</summary>
[Collection(BallotCollection.Name)]
public sealed class LiveBallotBrowserTests(BallotHost host, BrowserFixture browser)
{
    private async Task<IPage> OpenBallotAsAsync(string email, int ballotId)
    {
        var page = await browser.NewPageAsync();
        await SignIn.ToAsync(page, host.BaseUrl, email, $"/ballots/{ballotId}");
        await Assertions.Expect(page.GetByTestId("ballot-status")).ToBeVisibleAsync();
        return page;
    }

    private static async Task ChooseAsync(IPage page, string label, string rationale)
    {
        var panel = page.GetByTestId("vote-panel");
        await panel.GetByText(label).ClickAsync();
        await panel.Locator("textarea").FillAsync(rationale);
        await panel.GetByTestId("cast-vote").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Confirm your vote");
    }

    private static Task ConfirmAsync(IPage page) =>
        page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cast vote" }).ClickAsync();

    [Fact]
    public async Task CityAndDistrictAttorneyDecideLiveTheCourtsAreRefusedAndTheClerkOnlyWatches()
    {
        var ballotId = await host.DemoBallotIdAsync();
        var city = await OpenBallotAsAsync("city@portal.local", ballotId);
        var da = await OpenBallotAsAsync("da@portal.local", ballotId);
        var courts = await OpenBallotAsAsync("courts@portal.local", ballotId);
        var clerk = await OpenBallotAsAsync("clerk@portal.local", ballotId);
        await Assertions.Expect(clerk.GetByTestId("no-vote-control")).ToBeVisibleAsync();
        await Assertions.Expect(clerk.GetByTestId("vote-panel")).ToHaveCountAsync(0);

        await ChooseAsync(city, "Terminate the agreement", "The agency queried people born abroad and never audited its use.");
        await ConfirmAsync(city);
        await Assertions.Expect(city.GetByTestId("vote-accepted")).ToContainTextAsync("Your vote was recorded.");
        await Assertions.Expect(city.GetByTestId("receipt-choice")).ToHaveTextAsync("Terminate");
        await Assertions.Expect(city.GetByTestId("receipt-hash")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));

        // The DA's page changes without a reload.
        var daUrl = da.Url;
        await Assertions.Expect(da.GetByTestId("seat-vote-City")).ToContainTextAsync("Terminate", new() { Timeout = 2000 });
        await Assertions.Expect(da.GetByTestId("ballot-progress")).ToContainTextAsync("1 of 2");
        Assert.Equal(daUrl, da.Url);

        // The Courts start a vote; before they confirm, the DA's vote decides the ballot.
        await ChooseAsync(courts, "Renew for a new term", "Continuity of court operations.");
        await ChooseAsync(da, "Terminate the agreement", "Victims and witnesses deserve more than a schedule.");
        await ConfirmAsync(da);
        foreach (var page in new[] { city, da, clerk })
        {
            await Assertions.Expect(page.GetByTestId("ballot-decision")).ToContainTextAsync("Decided: Terminate", new() { Timeout = 2000 });
        }
        await Assertions.Expect(city.GetByTestId("vote-panel")).ToHaveCountAsync(0);

        await ConfirmAsync(courts);
        await Assertions.Expect(courts.GetByTestId("vote-refused")).ToContainTextAsync("This ballot was decided at");
        await Assertions.Expect(courts.GetByTestId("vote-refused")).ToContainTextAsync("Votes are no longer accepted.");
        await Assertions.Expect(courts.GetByTestId("seat-vote-Courts")).ToContainTextAsync("Not voted");

        await clerk.ReloadAsync();
        await Interactive.WaitAsync(clerk);
        await Assertions.Expect(clerk.GetByTestId("ballot-decision")).ToContainTextAsync("Decided: Terminate");
        await Assertions.Expect(clerk.GetByTestId("vote-panel")).ToHaveCountAsync(0);
        await Assertions.Expect(clerk.GetByTestId("seat-vote-DistrictAttorney")).ToContainTextAsync("Terminate");

        foreach (var page in new[] { city, da, courts, clerk })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task OnAPhoneTheSeatAndHistoryTablesStackIntoLabelledLinesInsteadOfScrollingSideways()
    {
        var (_, ballotId, _) = await host.NewBallotClosingAfterAsync(TimeSpan.FromDays(30));
        await using (var scope = await host.ScopeAsAsync("city@portal.local"))
        {
            var cast = await scope.ServiceProvider.GetRequiredService<BallotService>().CastVoteAsync(
                new VoteRequest(ballotId, Party.City, VoteChoice.Renew, "The audit findings were addressed in full by the agency."));
            Assert.True(cast.Succeeded, cast.Message);
        }
        var page = await browser.NewPhonePageAsync();
        await SignIn.ToAsync(page, host.BaseUrl, "da@portal.local", $"/ballots/{ballotId}");
        await Assertions.Expect(page.GetByTestId("vote-history")).ToContainTextAsync("The audit findings were addressed");

        foreach (var table in new[] { "seat-votes", "vote-history" })
        {
            var overflow = await page.GetByTestId(table).EvaluateAsync<int>("t => { const c = t.querySelector('table').parentElement; return c.scrollWidth - c.clientWidth; }");
            Assert.True(overflow <= 0, $"{table} scrolls {overflow} px sideways on a 390 px screen");
            Assert.Equal("block", await page.GetByTestId(table).Locator("tbody tr").First.EvaluateAsync<string>("tr => getComputedStyle(tr).display"));
        }
        var seatLabel = await page.GetByTestId("seat-vote-City").EvaluateAsync<string>("td => getComputedStyle(td, '::before').content");
        Assert.Equal("\"Current vote\"", seatLabel);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the ballot page scrolls sideways on a phone");
        await page.Context.CloseAsync();
    }
}
