using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Accessibility;

/// <summary>axe-core in Chromium: no WCAG 2.1 A or AA violation on any page a role can open, in light and dark themes.</summary>
[Collection(AccessibilityCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class AccessibilityTests(PortalHost host, BrowserFixture browser)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Pages per account; ids point at demo data that exists in every seeded database.</summary>
    public static TheoryData<string, string> Pages() => new()
    {
        { "none", "/Account/Login" },
        { "clerk@portal.local", "/" },
        { "clerk@portal.local", "/Account/Manage/ChangePassword" },
        { "clerk@portal.local", "/Account/Manage/TwoFactorAuthentication" },
        { "clerk@portal.local", "/Account/AccessDenied" },
        { "admin@portal.local", "/" },
        { "admin@portal.local", "/admin/users" },
        { "city@portal.local", "/" },
        { "liaison@portal.local", "/" },
        { "auditor@portal.local", "/" },
        { "solicitor@portal.local", "/" },
        { "solicitor@portal.local", "/letters" },
        { "solicitor@portal.local", "/letters/templates" },
        { "city@portal.local", "/ballots/1" },
        { "clerk@portal.local", "/ballots/1" },
        { "admin@portal.local", "/agreements" },
        { "da@portal.local", "/agreements/1" },
        { "clerk@portal.local", "/records" },
        { "clerk@portal.local", "/records/1" },
        { "city@portal.local", "/records" },
        { "liaison@portal.local", "/records" },
        { "admin@portal.local", "/admin/masking" },
        { "auditor@portal.local", "/audit" },
        { "auditor@portal.local", "/audit/review" },
        { "auditor@portal.local", "/audit/report" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ThePageHasNoWcagViolationsInLightOrDarkTheme(string account, string path)
    {
        var page = await browser.NewPageAsync(account == "none" ? null : await browser.SignedInStateAsync(host.BaseUrl, account));
        await page.GotoAsync(host.BaseUrl + path);
        var interactive = !path.StartsWith("/Account/", StringComparison.Ordinal);
        if (interactive)
        {
            await Interactive.WaitAsync(page);
        }
        await page.WaitForTimeoutAsync(300);
        await AssertNoViolationsAsync(page, "light");

        if (interactive)
        {
            // A dialog that opens by itself (the liaison's stated purpose) was checked above; close it to reach the toggle.
            var cancel = page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" });
            if (await cancel.CountAsync() > 0)
            {
                await cancel.ClickAsync();
            }
            await page.GetByTestId("theme-toggle").ClickAsync();
            await page.WaitForTimeoutAsync(300);
            await AssertNoViolationsAsync(page, "dark");
        }
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoViolationsAsync(IPage page, string theme)
    {
        var result = await page.RunAxe(Wcag21AA);
        var problems = result.Violations.Select(v => $"{v.Id} ({theme}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
        Assert.True(result.Violations.Length == 0, string.Join("\n", problems));
    }
}
