using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Accessibility;

/// <summary>
/// axe-core (WCAG 2.1 A and AA) on one page at a desktop, a laptop and a phone size, in the light theme and then the
/// dark one. The page loads once: the sizes are viewport changes, and the theme is one click on the toggle.
/// In the dark theme only the rules that read colours run wherever the page's markup is the same as in the light theme
/// at that size (the theme is a palette: it changes colours, not elements, names or roles); where the markup differs,
/// every rule runs again.
/// </summary>
public static class PageAxeCheck
{
    /// <summary>
    /// The page's elements and attributes without its style sheets and the theme toggle (whose label says the theme);
    /// the drawer's "initial" class, which MudBlazor drops after the first resize, is not part of the page's content.
    /// </summary>
    private const string Markup = """
        () => {
          const body = document.body.cloneNode(true);
          body.querySelectorAll('style, [data-testid=theme-toggle]').forEach(e => e.remove());
          body.querySelectorAll('.mud-drawer--initial').forEach(e => e.classList.remove('mud-drawer--initial'));
          return body.outerHTML;
        }
        """;

    /// <summary>The sizes every page is checked at: 1440 × 900, 1280 × 720 and a phone's 390 × 844.</summary>
    public static readonly IReadOnlyList<ViewportSize> Sizes =
    [
        new() { Width = 1440, Height = 900 },
        new() { Width = 1280, Height = 720 },
        new() { Width = 390, Height = 844 },
    ];

    /// <summary>
    /// Opens <paramref name="path"/> as <paramref name="account"/> ("none": signed out) and asserts no violation at any
    /// size in either theme. The static account pages have no theme toggle: they are checked in their one theme.
    /// </summary>
    public static async Task AssertNoViolationsAsync(BrowserFixture browser, string baseUrl, string account, string path)
    {
        var page = await browser.NewPageAsync(account == "none" ? null : await browser.SignedInStateAsync(baseUrl, account));
        await page.GotoAsync(baseUrl + path);
        var interactive = !path.StartsWith("/Account/", StringComparison.Ordinal);
        if (interactive)
        {
            await Interactive.WaitAsync(page);
        }
        await page.WaitForTimeoutAsync(300);
        var lightMarkup = new Dictionary<int, string>();
        var problems = new List<string>(await AtEverySizeAsync(page, "light", lightMarkup));

        if (interactive)
        {
            await ResizeAsync(page, Sizes[0]);
            // A dialog that opens by itself (the liaison's stated purpose) was checked above; close it to reach the toggle.
            var cancel = page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" });
            if (await cancel.CountAsync() > 0)
            {
                await cancel.ClickAsync();
                lightMarkup.Clear();
            }
            await page.GetByTestId("theme-toggle").ClickAsync();
            await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light theme");
            await page.WaitForTimeoutAsync(300);
            problems.AddRange(await AtEverySizeAsync(page, "dark", lightMarkup));
        }
        await page.Context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Runs axe at each of <see cref="Sizes"/>; one line per violation, naming the theme and the size. With an empty
    /// <paramref name="markup"/> every rule runs and each size's markup is kept in it; otherwise only the colour rules
    /// run at a size whose markup is the same as the kept one.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AtEverySizeAsync(IPage page, string theme, Dictionary<int, string> markup)
    {
        var problems = new List<string>();
        var first = markup.Count == 0;
        foreach (var size in Sizes)
        {
            await ResizeAsync(page, size);
            var now = await page.EvaluateAsync<string>(Markup);
            var sameMarkup = !first && markup.TryGetValue(size.Width, out var kept) && kept == now;
            if (first)
            {
                markup[size.Width] = now;
            }
            foreach (var v in await AxeInPage.ViolationsAsync(page, sameMarkup ? AxeInPage.ColourRules : AxeInPage.EveryRule))
            {
                problems.Add(v.Line($"{theme}, {size.Width}×{size.Height}"));
            }
        }
        return problems;
    }

    /// <summary>A new viewport, then a moment for the layout (MudBlazor's breakpoints answer a resize in a round trip).</summary>
    private static async Task ResizeAsync(IPage page, ViewportSize size)
    {
        await page.SetViewportSizeAsync(size.Width, size.Height);
        await page.WaitForTimeoutAsync(200);
    }
}
