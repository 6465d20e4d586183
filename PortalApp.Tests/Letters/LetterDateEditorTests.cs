using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Letters;

/// <summary>The Solicitor moves a draft's effective date in the browser: the text follows, and a stale date stops the issue.</summary>
[Collection(AppCollection.Name)]
public sealed class LetterDateEditorTests(PortalHost host, BrowserFixture browser)
{
    [Fact]
    public async Task TheSolicitorMovesTheDateSeesTheTextFollowIssuesAndThePdfAndTheBellsStateTheNewDate()
    {
        var (_, ballotId) = await LetterScenario.DecidedAgreementAsync(host);
        var letterId = await LetterScenario.DraftAsync(host, ballotId);
        var (old, reference) = await DraftFactsAsync(letterId);
        var moved = PortalTime.Today(host.Time).AddDays(3);

        var stakeholder = await browser.NewPageAsync();
        await SignIn.ToAsync(stakeholder, host.BaseUrl, "courts@portal.local", "/");

        var page = await OpenDraftAsync(letterId);
        await MoveDateAsync(page, moved);
        await Assertions.Expect(page.GetByTestId("draft-remerged")).ToContainTextAsync(
            $"The effective date moved from {LetterMerge.Long(old)} to {LetterMerge.Long(moved)}: 1 mention of the old date");
        await Assertions.Expect(page.GetByTestId("draft-body")).ToHaveValueAsync(new Regex(Regex.Escape($"12:00 a.m. Eastern Time on {LetterMerge.Long(moved)}.")));
        await Assertions.Expect(page.GetByTestId("draft-conflicts")).ToHaveCountAsync(0);

        await page.GetByTestId("draft-issue").ClickAsync();
        await Assertions.Expect(page.GetByTestId("issue-dialog")).ToContainTextAsync(PortalTime.Format(LetterFacts.EffectiveUtc(moved)));
        await page.GetByLabel("I have read the preview and want to issue this letter").CheckAsync();
        await page.GetByTestId("issue-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("letter-title")).ToContainTextAsync(new Regex(@"SOL-\d{4}-\d{4}"));
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(1);
        var number = (await page.GetByTestId("letter-title").InnerTextAsync()).Trim();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-pdf").ClickAsync());
        var text = await PdfText.ReadAsync(await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.Contains($"12:00 a.m. Eastern Time on {LetterMerge.Long(moved)}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(LetterMerge.Long(old), text, StringComparison.Ordinal);
        await using (var db = await LetterScenario.Db(host))
        {
            var cutOff = await db.Agreements.Where(a => a.Reference == reference).Select(a => a.TerminationEffectiveUtc).SingleAsync();
            Assert.Equal(LetterFacts.EffectiveUtc(moved), cutOff);
        }
        await page.Context.CloseAsync();

        // The stakeholder's open page hears of it without a reload.
        await stakeholder.GetByTestId("notification-bell").ClickAsync();
        await Assertions.Expect(stakeholder.GetByTestId("notification-item").Filter(new() { HasText = number }))
            .ToContainTextAsync($"{number} issued: termination of {reference}, access ends {PortalTime.Format(LetterFacts.EffectiveUtc(moved))}");
        await stakeholder.Context.CloseAsync();
    }

    [Fact]
    public async Task AStaleDateTypedIntoTheBodyIsShownWhereItIsAndTheIssueIsRefused()
    {
        var (_, ballotId) = await LetterScenario.DecidedAgreementAsync(host);
        var letterId = await LetterScenario.DraftAsync(host, ballotId);
        var (old, _) = await DraftFactsAsync(letterId);
        var moved = PortalTime.Today(host.Time).AddDays(4);
        var page = await OpenDraftAsync(letterId);
        await MoveDateAsync(page, moved);
        await Assertions.Expect(page.GetByTestId("draft-remerged")).ToBeVisibleAsync();

        var body = page.GetByTestId("draft-body");
        var text = await body.InputValueAsync() + $"\n\nAs agreed, your access lasts until {LetterMerge.Long(old)}.";
        await body.FillAsync(text);
        await body.BlurAsync();
        var line = text.Split('\n').Length;
        var conflict = $"Line {line} of the body states {LetterMerge.Long(old)} (\"As agreed, your access lasts until {LetterMerge.Long(old)}.\"), but this letter sets the effective date to {LetterMerge.Long(moved)}";
        await Assertions.Expect(page.GetByTestId("draft-conflicts")).ToContainTextAsync(conflict);

        await page.GetByTestId("draft-issue").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(
            $"It cannot be issued yet: line {line} of the body states {LetterMerge.Long(old)}, which is not a date the portal holds for this letter (it sets {LetterMerge.Long(moved)}).");
        await Assertions.Expect(page.GetByTestId("issue-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("letter-title")).ToHaveTextAsync($"Draft letter #{letterId}");
        await page.Context.CloseAsync();

        await using var db = await LetterScenario.Db(host);
        var letter = await db.Letters.AsNoTracking().Include(l => l.Agreement).SingleAsync(l => l.Id == letterId);
        Assert.Equal(LetterStatus.Draft, letter.Status);
        Assert.Equal(moved, letter.EffectiveDate);
        Assert.Null(letter.Agreement!.TerminationEffectiveUtc);
    }

    private async Task<IPage> OpenDraftAsync(int letterId)
    {
        var page = await browser.NewPageAsync();
        await SignIn.ToAsync(page, host.BaseUrl, LetterScenario.Solicitor, $"/letters/{letterId}");
        await Assertions.Expect(page.GetByTestId("draft-editor")).ToBeVisibleAsync();
        return page;
    }

    private static async Task MoveDateAsync(IPage page, DateOnly date)
    {
        var input = page.Locator("input[data-testid=draft-effective], [data-testid=draft-effective] input").First;
        await input.FillAsync(date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
    }

    private async Task<(DateOnly Effective, string Reference)> DraftFactsAsync(int letterId)
    {
        await using var db = await LetterScenario.Db(host);
        var letter = await db.Letters.AsNoTracking().Include(l => l.Agreement).SingleAsync(l => l.Id == letterId);
        return (letter.EffectiveDate, letter.Agreement!.Reference);
    }
}
