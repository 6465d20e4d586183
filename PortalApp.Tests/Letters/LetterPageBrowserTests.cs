using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Letters;

/// <summary>A letter's page in Chromium: on a phone, when a copy is checked, and when a draft cannot be issued yet.</summary>
[Collection(AppCollection.Name)]
public sealed class LetterPageBrowserTests(PortalHost host, BrowserFixture browser)
{
    /// <summary>Every snackbar the page shows from now on, kept even after it fades.</summary>
    private const string RecordSnackbars = """
        () => { window.snackbarsShown = [];
                new MutationObserver(changes => changes.forEach(c => c.addedNodes.forEach(n => {
                    if (n.nodeType !== 1) return;
                    (n.matches('.mud-snackbar') ? [n] : [...n.querySelectorAll('.mud-snackbar')]).forEach(s => window.snackbarsShown.push(s.textContent));
                }))).observe(document.body, { childList: true, subtree: true }); }
        """;

    [Fact]
    public async Task OnAPhoneAnIssuedLetterFitsTheScreenWithItsPreviewScaledDown()
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        var page = await browser.NewPhonePageAsync(await browser.SignedInStateAsync(host.BaseUrl, LetterScenario.Solicitor));
        await Interactive.GotoAsync(page, $"{host.BaseUrl}/letters/{letterId}");
        await Assertions.Expect(page.GetByTestId("letter-preview")).ToContainTextAsync("Field Office Director");
        // The answer to a checked hash quotes two hashes of 64 characters each, which must wrap too.
        await page.Locator("input[data-testid=verify-hash], [data-testid=verify-hash] input").First.FillAsync(new string('b', 64));
        await page.GetByTestId("verify-hash-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verify-result")).ToContainTextAsync("its hash is");

        var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(sideways <= 0, $"/letters/{letterId} scrolls {sideways} px sideways on a 390 px screen");
        var sheet = await page.GetByTestId("letter-preview-page").First.EvaluateAsync<double>("s => s.getBoundingClientRect().right");
        Assert.True(sheet <= 390, $"the preview's page ends at {sheet} px on a 390 px screen");
        var hashField = await page.Locator("input[data-testid=verify-hash], [data-testid=verify-hash] input").First.EvaluateAsync<double>("i => i.getBoundingClientRect().right");
        Assert.True(hashField <= 390, $"the SHA-256 field ends at {hashField} px on a 390 px screen");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PastingJunkOrAnotherHashSaysWhatWasCheckedAndWhyItIsNotThisLetter()
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        var page = await browser.NewPageAsync(await browser.SignedInStateAsync(host.BaseUrl, LetterScenario.Solicitor));
        await Interactive.GotoAsync(page, $"{host.BaseUrl}/letters/{letterId}");
        var number = (await page.GetByTestId("letter-title").InnerTextAsync()).Trim();
        var hash = (await page.GetByTestId("letter-hash").InnerTextAsync()).Trim();
        var field = page.Locator("input[data-testid=verify-hash], [data-testid=verify-hash] input").First;

        await field.FillAsync("hello");
        await page.GetByTestId("verify-hash-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verify-result")).ToContainTextAsync("\u201chello\u201d is not a SHA-256 hash (64 hexadecimal characters).");
        await Assertions.Expect(page.GetByTestId("verify-result")).Not.ToContainTextAsync("SHA-256 checked");

        await field.FillAsync(new string('a', 64));
        await page.GetByTestId("verify-hash-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verify-result")).ToContainTextAsync($"this hash is not the hash of letter {number}; its hash is {hash}.");
        await Assertions.Expect(page.GetByTestId("verify-result")).Not.ToContainTextAsync("file");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task IssuingADraftThatStatesAStrayDateSaysOnceWhyItWasNotIssuedAndNotThatTheDraftWasSavedAgain()
    {
        var (_, ballotId) = await LetterScenario.DecidedAgreementAsync(host);
        var letterId = await LetterScenario.DraftAsync(host, ballotId);
        var page = await browser.NewPageAsync(await browser.SignedInStateAsync(host.BaseUrl, LetterScenario.Solicitor));
        await Interactive.GotoAsync(page, $"{host.BaseUrl}/letters/{letterId}");
        await page.EvaluateAsync(RecordSnackbars);
        var body = page.Locator("textarea[data-testid=draft-body], [data-testid=draft-body] textarea").First;

        await body.FillAsync(await body.InputValueAsync() + "\n\nWe met on January 3, 2031.");
        await page.GetByTestId("draft-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("draft-conflicts")).ToBeVisibleAsync();
        await page.GetByTestId("draft-issue").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Not issued" })).ToBeVisibleAsync();

        var shown = await page.EvaluateAsync<string[]>("() => window.snackbarsShown");
        Assert.Equal(1, shown.Count(s => s.Contains("Draft saved", StringComparison.Ordinal)));
        Assert.Equal(1, shown.Count(s => s.StartsWith("Not issued. It cannot be issued yet: ", StringComparison.Ordinal) && s.Contains("January 3, 2031", StringComparison.Ordinal)));
        await Assertions.Expect(page.GetByTestId("issue-dialog")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
