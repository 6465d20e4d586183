using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Ballots;

/// <summary>axe-core WCAG 2.1 AA on the agreement and ballot pages, as a voter, an onlooker and the Admin.</summary>
[Collection(BallotCollection.Name)]
public sealed class BallotAccessibilityTests(BallotHost host, BrowserFixture browser)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Theory]
    [InlineData("city@portal.local", "/ballots/1")]
    [InlineData("clerk@portal.local", "/ballots/1")]
    [InlineData("admin@portal.local", "/agreements")]
    [InlineData("da@portal.local", "/agreements/1")]
    [InlineData("courts@portal.local", "/")]
    public async Task TheAgreementAndBallotPagesHaveNoWcagViolations(string account, string path)
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, account);
        await Interactive.GotoAsync(page, host.BaseUrl + path);
        await page.WaitForTimeoutAsync(300);

        var result = await page.RunAxe(Wcag21AA);

        var problems = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
        Assert.True(result.Violations.Length == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
