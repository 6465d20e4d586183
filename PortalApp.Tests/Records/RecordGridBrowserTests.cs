using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PortalApp.AccessLogging;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Records;

/// <summary>
/// The records grid in a browser: a page turn shows the next rows under the exact count; a column header
/// sorts by that field; a name search shows its rows, and the export link carries it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RecordGridBrowserTests(PortalHost host, BrowserFixture browser)
{
    [Fact]
    public async Task TheClerkTurnsAPageAndSortsByNameWithoutARefusal()
    {
        var page = await browser.NewPageAsync();
        await SignIn.ToAsync(page, host.BaseUrl, "clerk@portal.local", "/records");
        var links = page.GetByTestId("record-link");
        await links.First.WaitForAsync();
        var firstOnPageOne = await links.First.GetAttributeAsync("href");
        // The demo's 5,000 rows are under the exact-count bound: the clerk reads how many match, not "more than".
        int involvements;
        await using (var counting = await RecordTestData.DbAsync(host))
        {
            involvements = await counting.Involvements.CountAsync();
        }
        var caption = page.Locator(".mud-table-pagination-caption").Last;
        await Assertions.Expect(caption).ToHaveTextAsync($"1-10 of {involvements}");
        await Assertions.Expect(page.GetByTestId("records-capped")).ToHaveCountAsync(0);

        await page.GetByLabel("Next page").ClickAsync();
        await Assertions.Expect(caption).ToHaveTextAsync($"11-20 of {involvements}");
        await Assertions.Expect(links.First).Not.ToHaveAttributeAsync("href", firstOnPageOne!);

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

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(390, 844)]
    public async Task ACitySignatorySeesEachInitialsOnOneLineAndIsToldWhyTheLiaisonSeesMore(int width, int height)
    {
        var page = await browser.NewPageInAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await SignIn.ToAsync(page, host.BaseUrl, "city@portal.local", "/records");
        var names = page.GetByTestId("record-link").Locator("[data-testid=masked]");
        await names.First.WaitForAsync();
        await Assertions.Expect(page.GetByTestId("policy-difference")).ToContainTextAsync("data schedule in force");

        // One line: no taller than the lock icon's line, whatever the column's width.
        var heights = await names.EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        var lineHeight = await names.First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight) || 24");
        Assert.NotEmpty(heights);
        Assert.All(heights, h => Assert.True(h < lineHeight * 1.5, $"a masked name is {h} px tall, more than one {lineHeight} px line"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheLiaisonIsNotToldAboutADifferenceThatIsTheirOwnSchedule()
    {
        var page = await browser.NewPageAsync();
        await SignIn.ToAsync(page, host.BaseUrl, "liaison@portal.local", "/records");
        await Assertions.Expect(page.GetByTestId("policy-source")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("policy-difference")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
