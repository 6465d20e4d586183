using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Accessibility;

/// <summary>
/// axe-core in Chromium: no WCAG 2.1 A or AA violation on the signed-in work pages (records, ballots, agreements,
/// letters, the access log, masking, user admin), at 1440 × 900, 1280 × 720 and 390 × 844, in light and dark themes.
/// A portal and a browser of its own, so it runs beside <see cref="AccessibilityTests"/>.
/// </summary>
[Collection(WorkPageAccessibilityCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class WorkPageAccessibilityTests(PortalHost host, BrowserFixture browser)
{
    /// <summary>Pages per account; ids point at demo data that exists in every seeded database.</summary>
    public static TheoryData<string, string> Pages() => new()
    {
        { "admin@portal.local", "/admin/users" },
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
        { "fbi-liaison@portal.local", "/records" },
        { "admin@portal.local", "/admin/masking" },
        { "auditor@portal.local", "/audit" },
        { "auditor@portal.local", "/audit/review" },
        { "auditor@portal.local", "/audit/report" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task ThePageHasNoWcagViolationsAtAnySizeInLightOrDarkTheme(string account, string path) =>
        PageAxeCheck.AssertNoViolationsAsync(browser, host.BaseUrl, account, path);
}
