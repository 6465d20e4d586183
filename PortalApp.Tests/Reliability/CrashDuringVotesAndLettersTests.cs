using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Letters;

namespace PortalApp.Tests.Reliability;

/// <summary>
/// SIGKILL while three officials keep changing their votes and two Solicitor's pages issue letters, in Chromium. After a
/// restart: SQLite's integrity check passes, the access-log chain verifies, every vote and letter the browser showed as
/// done is there, and nothing is half-done (an issued letter without its PDF, a gap in the numbers, two current votes).
/// </summary>
public sealed partial class CrashDuringVotesAndLettersTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Letters = 24;

    [Fact]
    public async Task AKillDuringVotesAndLetterIssuingLosesNothingAcknowledgedAndLeavesNothingHalfDone()
    {
        await using var portal = new PortalProcess();
        await portal.StartAsync();
        IDbContextFactory<PortalDbContext> factory = new DirectContextFactory(portal.Database);
        var ballots = new List<int>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            for (var i = 0; i < Letters; i++)
            {
                ballots.Add((await LetterScenario.DecidedAgreementAsync(db, TimeProvider.System)).BallotId);
            }
        }

        var votes = new ConcurrentBag<string>();
        var letters = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var voters = new[] { "city@portal.local", "da@portal.local", "courts@portal.local" }
            .Select((email, i) => Task.Run(() => VoteUntilStoppedAsync(portal.BaseUrl, email, i, votes, stop.Token)));
        var issuers = Enumerable.Range(0, 2)
            .Select(i => Task.Run(() => IssueUntilStoppedAsync(portal.BaseUrl, [.. ballots.Where((_, n) => n % 2 == i)], letters, stop.Token)));
        var workers = voters.Concat(issuers).ToArray();

        // Generous: on a 2-core machine running the whole suite, each issue (PDF, chain entry and seal) can take 30 s.
        var deadline = DateTime.UtcNow.AddSeconds(300);
        while ((votes.Count < 9 || letters.Count < 4) && DateTime.UtcNow < deadline && !workers.All(w => w.IsCompleted))
        {
            await Task.Delay(100);
        }
        portal.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        Assert.True(votes.Count >= 9 && letters.Count >= 4, $"only {votes.Count} votes and {letters.Count} letters were acknowledged before the kill");

        await portal.StartAsync();
        Assert.Equal("ok", await portal.IntegrityCheckAsync());
        var verification = await TestKeys.DemoVerifier(portal.Database).VerifyAsync();
        Assert.True(verification.Intact, verification.Message);

        await using var check = await factory.CreateDbContextAsync();
        var rationales = (await check.Votes.Select(v => v.Rationale).ToListAsync()).ToHashSet();
        Assert.All(votes, v => Assert.Contains(v, rationales));
        var currentPerSeat = await check.Votes.Where(v => v.IsCurrent).GroupBy(v => new { v.BallotId, v.Party }).Select(g => g.Count()).ToListAsync();
        Assert.All(currentPerSeat, c => Assert.Equal(1, c));

        var issued = await check.Letters.Where(l => l.Status == LetterStatus.Issued).ToListAsync();
        Assert.All(letters, number => Assert.Contains(issued, l => l.Number == number));
        Assert.All(issued, l => Assert.Equal(l.PdfSha256, LetterIssuer.Sha256(l.Pdf!)));
        Assert.Equal(Enumerable.Range(1, issued.Count), issued.Select(l => l.Sequence!.Value).Order());
        var terminating = await check.Agreements.CountAsync(a => issued.Select(l => l.AgreementId).Contains(a.Id) && a.TerminationEffectiveUtc != null);
        Assert.Equal(issued.Count, terminating);
    }

    /// <summary>The vote receipt on the page is a new one: the vote was acknowledged.</summary>
    private const string Receipted = "prev => { const e = document.querySelector('[data-testid=receipt-hash]'); return !!e && e.textContent.trim() !== prev; }";

    private async Task VoteUntilStoppedAsync(string baseUrl, string email, int offset, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignIn.ToAsync(page, baseUrl, email, "/ballots/1");
            var panel = page.GetByTestId("vote-panel");
            for (var n = offset; !stop.IsCancellationRequested; n++)
            {
                var rationale = $"{email} vote {n} {Guid.NewGuid():N}";
                var receipt = page.GetByTestId("receipt-hash");
                var previous = await receipt.CountAsync() > 0 ? (await receipt.InnerTextAsync()).Trim() : "";
                // Renew and Abstain in turn: the ballot stays open.
                await panel.GetByTestId("vote-choice").GetByText(n % 2 == 0 ? "Renew for a new term" : "Abstain").ClickAsync();
                await panel.Locator("textarea").FillAsync(rationale);
                await panel.GetByTestId("cast-vote").ClickAsync();
                await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cast vote" }).ClickAsync();
                await page.WaitForFunctionAsync(Receipted, previous, new() { Timeout = 20000 });
                await Assertions.Expect(page.GetByTestId("vote-accepted")).ToBeVisibleAsync();
                acknowledged.Add(rationale);
            }
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // The server was killed under the page.
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task IssueUntilStoppedAsync(string baseUrl, int[] ballots, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        var page = await browser.NewPageAsync();
        try
        {
            await SignIn.AsAsync(page, baseUrl, LetterScenario.Solicitor);
            foreach (var ballot in ballots.TakeWhile(_ => !stop.IsCancellationRequested))
            {
                await Interactive.GotoAsync(page, $"{baseUrl}/letters");
                await page.GetByTestId($"draft-{ballot}-Termination").First.ClickAsync();
                await page.WaitForURLAsync(LetterUrl(), new() { Timeout = 20000 });
                await page.GetByTestId("draft-issue").ClickAsync();
                await page.GetByTestId("issue-understood").CheckAsync(new() { Force = true });
                await page.GetByTestId("issue-confirm").ClickAsync();
                var title = page.GetByTestId("letter-title");
                await Assertions.Expect(title).ToContainTextAsync(Number(), new() { Timeout = 30000 });
                acknowledged.Add(Number().Match(await title.InnerTextAsync()).Value);
            }
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex(@"/letters/\d+$")]
    private static partial Regex LetterUrl();

    [GeneratedRegex(@"SOL-\d{4}-\d{4}")]
    private static partial Regex Number();
}
