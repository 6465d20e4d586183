using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PortalApp.Audit;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Records;

/// <summary>
/// The records grid in a browser: a page turn shows the next rows and raises the capped count's note; a column header
/// sorts by that field; a name search shows its rows, and the export link carries it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RecordGridBrowserTests(PortalHost host, BrowserFixture browser)
{
    [Fact]
    public async Task TheClerkTurnsAPageAndSortsByNameWithoutARefusal()
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, "clerk@portal.local");
        await Interactive.GotoAsync(page, $"{host.BaseUrl}/records");
        var links = page.GetByTestId("record-link");
        await links.First.WaitForAsync();
        var firstOnPageOne = await links.First.GetAttributeAsync("href");
        // The demo's default listing is larger than the count the portal makes at once: the note gives a lower bound.
        var capNote = page.GetByTestId("records-capped");
        await Assertions.Expect(capNote).ToContainTextAsync("More than");
        var noteOnPageOne = await capNote.InnerTextAsync();

        await page.GetByLabel("Next page").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-table-pagination-caption").Last).ToContainTextAsync("11-20");
        await Assertions.Expect(links.First).Not.ToHaveAttributeAsync("href", firstOnPageOne!);
        await Assertions.Expect(capNote).Not.ToHaveTextAsync(noteOnPageOne);

        await page.GetByText("Name", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("export")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("sort=Name&dir=asc"));
        await Assertions.Expect(page.GetByTestId("records-message")).ToHaveCountAsync(0);
        await links.First.WaitForAsync();

        await page.GetByTestId("filter-name").FillAsync("S");
        await page.GetByTestId("search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("export")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("name=S"));
        await page.WaitForFunctionAsync(
            "() => { const links = [...document.querySelectorAll('[data-testid=record-link]')]; return links.length > 0 && links.every(a => a.textContent.trim().toUpperCase().startsWith('S')); }");

        await using var db = await RecordTestData.DbAsync(host);
        var search = await db.AccessLog.AsNoTracking()
            .Where(e => e.Action == AccessActions.Search && e.UserName == "clerk@portal.local")
            .OrderByDescending(e => e.Id).FirstAsync();
        Assert.False(search.Flagged, $"the sorted search was logged as refused: {search.Filters}");
        Assert.Contains("sort=Name asc", search.Filters ?? "", StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
