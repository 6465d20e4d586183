using Microsoft.Playwright;
using PortalApp.Tests.Accessibility;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Letters;

/// <summary>
/// The letter pages as a newcomer first meets them, before any letter exists: a portal of its own, on which no test
/// makes a letter or saves a template.
/// </summary>
[Collection(AppCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class LetterPagesFirstVisitTests(LetterPagesFirstVisitTests.FreshHost host, BrowserFixture browser) : IClassFixture<LetterPagesFirstVisitTests.FreshHost>
{
    public sealed class FreshHost : PortalHost;

    [Fact]
    public async Task TheEmptyListSaysThereAreNoLettersYetAndHowOneIsMadeWhileAFilterWithNoResultSaysNoneMatch()
    {
        var page = await browser.NewPageAsync(await browser.SignedInStateAsync(host.BaseUrl, LetterScenario.Solicitor));
        await Interactive.GotoAsync(page, $"{host.BaseUrl}/letters");

        await Assertions.Expect(page.GetByTestId("letters-none-yet")).ToContainTextAsync("There are no letters yet. A letter is made from a decided ballot");
        // The search waits on the host's clock, which these tests hold still; the switch filters at once.
        await page.GetByLabel("Awaiting a response").CheckAsync();
        await Assertions.Expect(page.GetByTestId("letters-none-match")).ToHaveTextAsync("No letters match.");
        await Assertions.Expect(page.GetByTestId("letters-none-yet")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnA1280By720WindowTheTemplatesPageKeepsTheMergeFieldsInTheirColumnAndSaysTheTemplatesAreAsShipped()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            StorageState = await browser.SignedInStateAsync(host.BaseUrl, LetterScenario.Solicitor),
        });
        var page = await context.NewPageAsync();
        await Interactive.GotoAsync(page, $"{host.BaseUrl}/letters/templates");
        var fields = page.GetByTestId("merge-fields");
        await fields.WaitForAsync();

        var overflow = await fields.EvaluateAsync<string>("""
            f => { const col = f.closest('.mud-grid-item').getBoundingClientRect();
                   const wide = [...f.querySelectorAll('dt, dd')].filter(e => e.getBoundingClientRect().right > col.right + 0.5 || e.scrollWidth > e.clientWidth + 0.5);
                   return wide.map(e => e.textContent).join('; '); }
            """);
        Assert.True(overflow.Length == 0, $"merge fields wider than their column: {overflow}");
        await Assertions.Expect(page.GetByTestId("template-list")).ToContainTextAsync("Termination · as shipped");
        await Assertions.Expect(page.GetByTestId("template-list")).Not.ToContainTextAsync("changed");
        await AxeInPage.AssertNoneAsync(page, "light");
        await context.CloseAsync();
    }

    [Fact]
    public async Task ALetterTheUserMayNotReadLinksBackWithALinkThatStandsOutInLightAndDarkThemes()
    {
        var page = await browser.NewPageAsync(await browser.SignedInStateAsync(host.BaseUrl, LetterScenario.Solicitor));
        await Interactive.GotoAsync(page, $"{host.BaseUrl}/letters/987654");
        await Assertions.Expect(page.GetByTestId("letter-missing")).ToContainTextAsync("There is no letter 987654 that you may read.");

        await AxeInPage.AssertNoneAsync(page, "light");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.WaitForTimeoutAsync(300);
        await AxeInPage.AssertNoneAsync(page, "dark");
        Assert.Equal("underline", await page.GetByTestId("letter-missing-back").EvaluateAsync<string>("a => getComputedStyle(a).textDecorationLine"));
        await page.Context.CloseAsync();
    }
}
