using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Components;

/// <summary>
/// On a 390 px phone the pages with filter bars and forms neither scroll sideways nor let a field or button stick out
/// of the card that holds it (as the letters search once did by 7 px). A grid may scroll inside its own container; that is where its columns go on a phone.
/// </summary>
[Collection(AppCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class PhoneLayoutTests(PortalHost host, BrowserFixture browser)
{
    /// <summary>What sticks out of its card, as "what left–right in card left–right", skipping anything inside a grid's scrolling container.</summary>
    private const string OutOfCard = """
        () => [...document.querySelectorAll('.mud-input-control, .mud-input, .mud-button-root, .mud-switch')]
            .filter(e => e.offsetParent !== null && !e.closest('.mud-table-container') && e.closest('.mud-paper'))
            .map(e => [e, e.getBoundingClientRect(), e.closest('.mud-paper').getBoundingClientRect()])
            .filter(([, a, c]) => a.right > c.right + 0.5 || a.left < c.left - 0.5)
            .map(([e, a, c]) => `${e.dataset.testid ?? e.querySelector('label')?.textContent ?? e.textContent.trim()} ${Math.round(a.left)}–${Math.round(a.right)} in ${Math.round(c.left)}–${Math.round(c.right)}`)
        """;

    /// <summary>Pages per account, with what shows that the page has its data.</summary>
    public static TheoryData<string, string, string> Pages() => new()
    {
        { "city@portal.local", "/", "h1" },
        { "solicitor@portal.local", "/letters", "[data-testid=letters-grid] tbody tr" },
        { "solicitor@portal.local", "/letters/templates", "h1" },
        { "clerk@portal.local", "/records", "[data-testid=records-grid] tbody tr" },
        { "auditor@portal.local", "/audit", "[data-testid=audit-grid] tbody tr" },
        { "admin@portal.local", "/agreements", "[data-testid=agreements-grid] tbody tr" },
        { "admin@portal.local", "/admin/users", "h1" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ThePageFitsAPhoneScreen(string account, string path, string ready)
    {
        var page = await browser.NewPhonePageAsync(await browser.SignedInStateAsync(host.BaseUrl, account));
        await Interactive.GotoAsync(page, host.BaseUrl + path);
        await page.Locator(ready).First.WaitForAsync();

        var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(sideways <= 0, $"{path} scrolls {sideways} px sideways on a 390 px screen");
        var outside = await page.EvaluateAsync<string[]>(OutOfCard);
        Assert.True(outside.Length == 0, $"on {path}, out of their card: {string.Join("; ", outside)}");
        await page.Context.CloseAsync();
    }
}
