using Microsoft.Playwright;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Waits until a page's Blazor circuit is interactive; a click on prerendered HTML would be lost.</summary>
public static class Interactive
{
    public static Task WaitAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-testid=circuit-ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 15000 });

    /// <summary>Navigates and waits for the circuit.</summary>
    public static async Task GotoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitAsync(page);
    }
}
