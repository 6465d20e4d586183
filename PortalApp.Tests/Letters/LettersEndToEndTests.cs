using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Data.Entities;
using PortalApp.Letters;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Letters;

/// <summary>The demo agreement's ballot is decided for termination here, so this class has a portal of its own.</summary>
[Collection(AppCollection.Name)]
public sealed partial class LettersEndToEndTests(LettersEndToEndTests.DemoHost host, BrowserFixture browser) : IClassFixture<LettersEndToEndTests.DemoHost>
{
    public sealed class DemoHost : PortalHost
    {
        public async Task<int> DecideDemoBallotForTerminationAsync()
        {
            await using var db = await LetterScenario.Db(this);
            var ballot = await db.Ballots.Include(b => b.Decision).SingleAsync(b => b.Agreement!.Reference == DemoAgreement.Reference);
            if (ballot.Decision is null)
            {
                ballot.Status = BallotStatus.Decided;
                ballot.Decision = new BallotDecision { Outcome = DecisionOutcome.Terminate, DecidedUtc = Time.GetUtcNow(), Tally = "Terminate 2 (City, District Attorney), Renew 1 (Courts)" };
                await db.SaveChangesAsync();
            }
            return ballot.Id;
        }
    }

    [Fact]
    public async Task TheSolicitorDraftsPreviewsIssuesAndDownloadsAStakeholderReadsItAndTheLiaisonCannot()
    {
        var ballotId = await host.DecideDemoBallotForTerminationAsync();
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, LetterScenario.Solicitor);

        await page.GotoAsync($"{host.BaseUrl}/letters");
        await ClickUntilAsync(page, page.GetByTestId($"draft-{ballotId}-Termination"), () => LetterUrl().IsMatch(page.Url));
        var letterId = int.Parse(LetterUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("letter-preview")).ToContainTextAsync("Field Office Director");

        DateOnly effective;
        await using (var db = await LetterScenario.Db(host))
        {
            effective = await db.Letters.Where(l => l.Id == letterId).Select(l => l.EffectiveDate).SingleAsync();
        }
        await page.GetByTestId("draft-body").FillAsync($"Dear Field Office Director:\n\nThis sentence was added in the browser. Access ends at 12:00 a.m. Eastern Time on {LetterMerge.Long(effective)}.");
        await page.GetByTestId("draft-preview").ClickAsync();
        await Assertions.Expect(page.GetByTestId("letter-preview")).ToContainTextAsync("This sentence was added in the browser.");

        await page.GetByTestId("draft-issue").ClickAsync();
        await Assertions.Expect(page.GetByText("Issuing this letter cannot be undone")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(DemoAgreement.Reference).Last).ToBeVisibleAsync();
        await page.GetByLabel("I have read the preview and want to issue this letter").CheckAsync();
        await page.GetByTestId("issue-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("letter-title")).ToContainTextAsync(new Regex(@"SOL-\d{4}-\d{4}"));
        await Assertions.Expect(page.GetByTestId("agreement-state")).ToContainTextAsync("terminating on");
        var hash = (await page.GetByTestId("letter-hash").InnerTextAsync()).Trim();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-pdf").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(hash, LetterIssuer.Sha256(bytes));
        Assert.Matches(@"^SOL-\d{4}-\d{4}\.pdf$", download.SuggestedFilename);
        await page.Context.CloseAsync();

        var stakeholder = await browser.NewPageAsync();
        await SignIn.AsAsync(stakeholder, host.BaseUrl, "da@portal.local");
        await stakeholder.GotoAsync($"{host.BaseUrl}/letters/{letterId}");
        await Assertions.Expect(stakeholder.GetByTestId("letter-hash")).ToHaveTextAsync(hash);
        await Assertions.Expect(stakeholder.GetByTestId("draft-editor")).ToHaveCountAsync(0);
        var stakeholderPdf = await stakeholder.Context.APIRequest.GetAsync($"{host.BaseUrl}/letters/{letterId}/pdf");
        Assert.Equal(200, stakeholderPdf.Status);
        Assert.Equal(bytes, await stakeholderPdf.BodyAsync());
        await stakeholder.Context.CloseAsync();

        var liaison = await browser.NewPageAsync();
        await SignIn.AsAsync(liaison, host.BaseUrl, "liaison@portal.local");
        await liaison.GotoAsync($"{host.BaseUrl}/letters/{letterId}");
        await Assertions.Expect(liaison.GetByTestId("not-authorized")).ToBeVisibleAsync();
        await Assertions.Expect(liaison.GetByTestId("letter-hash")).ToHaveCountAsync(0);
        await liaison.Context.CloseAsync();

        using var client = await SignIn.ClientAsync(host.BaseUrl, "liaison@portal.local");
        var refused = await client.GetAsync($"/letters/{letterId}/pdf");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

    /// <summary>A click before the Blazor circuit is connected does nothing; click again until it takes effect.</summary>
    private static async Task ClickUntilAsync(IPage page, ILocator target, Func<bool> done)
    {
        for (var attempt = 0; attempt < 20 && !done(); attempt++)
        {
            await target.ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }
        Assert.True(done(), "The click never took effect.");
    }

    [GeneratedRegex(@"/letters/(\d+)$")]
    private static partial Regex LetterUrl();
}
