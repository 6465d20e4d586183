using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Letters;

namespace PortalApp.Tests.Accessibility;

/// <summary>
/// The portal's main tasks done with the keyboard only (Tab, Shift+Tab, Enter, Space, arrows, and typing into fields),
/// in Chromium. Every element that takes focus on the way shows it: an outline or a box shadow on the focused element.
/// </summary>
[Collection(AppCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed partial class KeyboardOnlyTests(PortalHost host, BrowserFixture browser)
{
    private const string FocusStyle = """
        () => {
            const e = document.activeElement;
            // The page heading takes focus after a navigation (FocusOnNavigate, tabindex -1): not a stop Tab reaches.
            if (!e || e === document.body || e.getAttribute('tabindex') === '-1') return 'none';
            const s = getComputedStyle(e);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            const shadow = s.boxShadow && s.boxShadow !== 'none';
            const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('data-testid') ? '[' + e.getAttribute('data-testid') + ']' : '') + ' "' + (e.getAttribute('aria-label') || e.textContent || e.name || '').trim().slice(0, 40) + '"';
            return (outline || shadow ? 'visible ' : 'INVISIBLE ') + name;
        }
        """;

    private readonly List<string> invisible = [];
    private int stops;

    /// <summary>Presses <paramref name="key"/> until the focused element matches <paramref name="selector"/>; checks focus is visible at every stop.</summary>
    private async Task FocusAsync(IPage page, string selector, string key = "Tab", string text = "", int max = 120)
    {
        for (var i = 0; i < max; i++)
        {
            await page.Keyboard.PressAsync(key);
            var focus = await page.EvaluateAsync<string>(FocusStyle);
            if (focus != "none")
            {
                stops++;
                if (focus.StartsWith("INVISIBLE", StringComparison.Ordinal))
                {
                    invisible.Add($"{page.Url}: {focus}");
                }
            }
            if (await page.EvaluateAsync<bool>("([s, t]) => !!document.activeElement && document.activeElement.matches(s) && document.activeElement.textContent.includes(t)", new[] { selector, text }))
            {
                return;
            }
        }
        Assert.Fail($"{selector} was not reached with {key} on {page.Url}");
    }

    [Fact]
    public async Task SigningInBrowsingRecordsVotingAndIssuingALetterNeedOnlyTheKeyboardAndFocusIsAlwaysVisible()
    {
        var (_, ballotId) = await LetterScenario.OpenBallotAsync(host);
        var (_, decidedBallot) = await LetterScenario.DecidedAgreementAsync(host);
        var draftId = await LetterScenario.DraftAsync(host, decidedBallot);
        var page = await browser.NewMovingPageAsync();

        // Sign in as the City's official (the vote) and move on as the Solicitor (the letter); the clerk's pages in between.
        await SignInAsync(page, "clerk@portal.local");
        await FocusAsync(page, "a[href='records'], a[href='/records']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/records$"));
        await Interactive.WaitAsync(page);
        await page.GetByTestId("record-link").First.WaitForAsync();
        await FocusAsync(page, "[data-testid=record-link]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/records/\d+$"));
        await Assertions.Expect(page.GetByTestId("person-fields")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        page = await browser.NewMovingPageAsync();
        await SignInAsync(page, "city@portal.local");
        await Interactive.GotoAsync(page, $"{host.BaseUrl}/ballots/{ballotId}");
        await page.GetByTestId("vote-panel").WaitForAsync();
        await FocusAsync(page, "[data-testid=vote-panel] input[type=radio]");
        // Arrows move within the radio group; Space chooses.
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Space");
        await FocusAsync(page, "[data-testid=vote-panel] textarea");
        await page.Keyboard.TypeAsync("Chosen with the keyboard alone.");
        await FocusAsync(page, "[data-testid=cast-vote]");
        await page.Keyboard.PressAsync("Enter");
        var confirm = page.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync("Confirm your vote");
        await FocusEnteredDialogAsync(page);
        await FocusAsync(page, ".mud-dialog button", text: "Cast vote");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("vote-accepted")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        page = await browser.NewMovingPageAsync();
        await SignInAsync(page, LetterScenario.Solicitor);
        await Interactive.GotoAsync(page, $"{host.BaseUrl}/letters/{draftId}");
        await page.GetByTestId("draft-issue").WaitForAsync();
        await FocusAsync(page, "[data-testid=draft-issue]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Issuing this letter cannot be undone");
        await FocusEnteredDialogAsync(page);
        await FocusAsync(page, "[data-testid=issue-understood]");
        await page.Keyboard.PressAsync("Space");
        await FocusAsync(page, "[data-testid=issue-confirm]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("letter-title")).ToContainTextAsync(new Regex(@"SOL-\d{4}-\d{4}"), new() { Timeout = 20000 });
        // Back to the top of the page with Shift+Tab: focus stays visible going backwards too.
        await FocusAsync(page, "[aria-label='Toggle navigation']", "Shift+Tab");
        await page.Context.CloseAsync();

        Assert.True(stops > 20, $"only {stops} focus stops were checked");
        Assert.True(invisible.Count == 0, "Focus not visible at:\n" + string.Join("\n", invisible.Distinct()));
    }

    /// <summary>
    /// Waits for the dialog's focus trap to move focus into it, which it does once the dialog has rendered: tabbing
    /// before that, on a busy machine, can reach a button and then see focus taken back to the dialog's first one.
    /// </summary>
    private static Task FocusEnteredDialogAsync(IPage page) =>
        page.WaitForFunctionAsync("() => !!document.activeElement?.closest('.mud-dialog')");

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync($"{host.BaseUrl}/Account/Login");
        await FocusAsync(page, "[name='Input.Email']");
        await page.Keyboard.TypeAsync(email);
        await FocusAsync(page, "[name='Input.Password']");
        await page.Keyboard.TypeAsync(DemoAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => !u.Contains("/Account/", StringComparison.Ordinal));
        await Interactive.WaitAsync(page);
    }
}
