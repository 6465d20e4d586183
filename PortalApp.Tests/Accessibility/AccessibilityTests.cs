using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Accessibility;

/// <summary>
/// axe-core in Chromium: no WCAG 2.1 A or AA violation on the sign-in and account pages and on each role's home page,
/// at 1440 × 900, 1280 × 720 and 390 × 844, in light and dark themes. The work pages are in
/// <see cref="WorkPageAccessibilityTests"/>, which runs beside this class.
/// </summary>
[Collection(AccessibilityCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class AccessibilityTests(PortalHost host, BrowserFixture browser)
{
    /// <summary>Pages per account.</summary>
    public static TheoryData<string, string> Pages() => new()
    {
        { "none", "/Account/Login" },
        { "clerk@portal.local", "/" },
        { "clerk@portal.local", "/Account/Manage/ChangePassword" },
        { "clerk@portal.local", "/Account/Manage/TwoFactorAuthentication" },
        { "clerk@portal.local", "/Account/AccessDenied" },
        { "admin@portal.local", "/" },
        { "city@portal.local", "/" },
        { "liaison@portal.local", "/" },
        { "auditor@portal.local", "/" },
        { "solicitor@portal.local", "/" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task ThePageHasNoWcagViolationsAtAnySizeInLightOrDarkTheme(string account, string path) =>
        PageAxeCheck.AssertNoViolationsAsync(browser, host.BaseUrl, account, path);
}
