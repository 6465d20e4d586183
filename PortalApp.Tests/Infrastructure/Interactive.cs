using Microsoft.Playwright;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Waits until a page's Blazor circuit is interactive; a click on prerendered HTML would be lost.</summary>
public static class Interactive
{
    /// <summary>
    /// Up to 30 s: this guards against clicks on prerendered HTML, it measures nothing, and near the end of a run, with
    /// two scale-out portals, nginx and PostgreSQL beside it on two cores, a circuit once took more than 15 s to start.
    /// </summary>
    public static Task WaitAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-testid=circuit-ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30000 });

    /// <summary>Navigates and waits for the circuit.</summary>
    public static async Task GotoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitAsync(page);
    }
}
