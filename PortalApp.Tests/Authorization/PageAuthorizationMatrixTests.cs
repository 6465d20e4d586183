using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using PortalApp.Authorization;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Authorization;

/// <summary>
/// Every routable page, discovered by reflection, is checked for every role and for an anonymous visitor
/// against one table written here (not read from CapabilityMap, so a wrong line there fails). A new page without a row
/// fails, so no page escapes the matrix; an admitted role must get the page itself (a 404 is a failure).
/// </summary>
[Collection(AppCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class PageAuthorizationMatrixTests(PortalHost host)
{
    private const string Anonymous = "(anonymous)";

    /// <summary>
    /// Route template → the policy it must declare and the roles the server must admit, written out here. A public page
    /// (anonymous, with <see cref="ExpectedAccess.Public"/>) must also answer every signed-in role.
    /// </summary>
    private static readonly Dictionary<string, (string Policy, string Roles)> Expected = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = (Policies.SignedIn, ExpectedAccess.Everyone),
        ["/not-found"] = (Anonymous, ""),
        ["/Error"] = (Anonymous, ""),
        ["/Account/Login"] = (Anonymous, ""),
        ["/Account/LoginWith2fa"] = (Anonymous, ""),
        ["/Account/LoginWithRecoveryCode"] = (Anonymous, ""),
        ["/Account/Lockout"] = (Anonymous, ""),
        ["/Account/AccessDenied"] = (Anonymous, ""),
        ["/Account/InvalidUser"] = (Anonymous, ""),
        ["/transparency"] = (Anonymous, ExpectedAccess.Public),
        ["/Account/Manage/ChangePassword"] = (Policies.OwnAccount, ExpectedAccess.Everyone),
        ["/Account/Manage/TwoFactorAuthentication"] = (Policies.OwnAccount, ExpectedAccess.Everyone),
        ["/Account/Manage/EnableAuthenticator"] = (Policies.OwnAccount, ExpectedAccess.Everyone),
        ["/Account/Manage/Disable2fa"] = (Policies.OwnAccount, ExpectedAccess.Everyone),
        ["/Account/Manage/ResetAuthenticator"] = (Policies.OwnAccount, ExpectedAccess.Everyone),
        ["/Account/Manage/GenerateRecoveryCodes"] = (Policies.OwnAccount, ExpectedAccess.Everyone),
        ["/admin/users"] = (Policies.ManageUsers, "Admin"),
        ["/admin/masking"] = (Policies.ManagePolicy, "Admin"),
        ["/agreements"] = (Policies.ReadAgreements, "Admin Stakeholder Solicitor Clerk Auditor"),
        ["/agreements/{id:int}"] = (Policies.ReadAgreements, "Admin Stakeholder Solicitor Clerk Auditor"),
        ["/ballots/{id:int}"] = (Policies.ReadBallots, "Admin Stakeholder Solicitor Clerk Auditor"),
        ["/records"] = (Policies.BrowseRecords, "Clerk Stakeholder AgencyLiaison"),
        ["/records/{id:int}"] = (Policies.BrowseRecords, "Clerk Stakeholder AgencyLiaison"),
        ["/letters"] = (Policies.ReadLetters, "Solicitor Stakeholder Admin Auditor"),
        ["/letters/{id:int}"] = (Policies.ReadLetters, "Solicitor Stakeholder Admin Auditor"),
        ["/letters/templates"] = (Policies.IssueLetter, "Solicitor"),
        ["/audit"] = (Policies.ReadAuditLog, "Auditor Admin"),
        ["/audit/review"] = (Policies.ReadAuditLog, "Auditor Admin"),
        ["/audit/report"] = (Policies.ReadAuditLog, "Auditor Admin"),
        ["/verify"] = (Anonymous, ExpectedAccess.Public),
        ["/verify/{Number}"] = (Anonymous, ExpectedAccess.Public),
    };

    /// <summary>Pages that need a state to show (a pending two-factor sign-in) answer with a redirect, not 200.</summary>
    private static readonly HashSet<string> NeedsPendingSignIn = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode",
    };

    public static TheoryData<string> Routes() => [.. DiscoverPages().Select(p => p.Route)];

    private static IEnumerable<(string Route, Type Page)> DiscoverPages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, t)));

    [Fact]
    public void EveryRoutablePageHasARowInTheTable()
    {
        var missing = DiscoverPages().Select(p => p.Route).Where(r => !Expected.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, $"Pages without an expected policy: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EachPageDeclaresItsPolicyAndTheServerEnforcesItForEveryRole(string route)
    {
        var page = DiscoverPages().First(p => p.Route == route).Page;
        var (expected, roles) = Expected[route];
        AssertDeclared(page, expected);

        var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "1");
        using (var anonymous = await SignIn.ClientAsync(host.BaseUrl, null))
        {
            var response = await anonymous.GetAsync(url);
            if (expected == Anonymous)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK || NeedsPendingSignIn.Contains(route), $"{route} anonymous: {(int)response.StatusCode}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }
        // Sign-in and error pages are checked as anonymous only; a public page must serve every role too.
        if (expected == Anonymous && roles.Length == 0)
        {
            return;
        }
        foreach (var role in Roles.All)
        {
            var account = DemoAccounts.All.First(a => a.Role == role);
            using var client = await SignIn.ClientAsync(host.BaseUrl, account.Email);
            var response = await client.GetAsync(url);
            if (ExpectedAccess.Admits(roles, role))
            {
                var location = response.Headers.Location?.OriginalString ?? "";
                var allowed = response.StatusCode is HttpStatusCode.OK
                    || (response.StatusCode == HttpStatusCode.Redirect && !location.Contains("/Account/AccessDenied", StringComparison.Ordinal) && !location.Contains("/Account/Login", StringComparison.Ordinal));
                Assert.True(allowed, $"{route} as {role}: {(int)response.StatusCode} {location}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
                var denied = await client.GetStringAsync(response.Headers.Location);
                Assert.Contains("Not authorized", denied, StringComparison.Ordinal);
            }
        }
    }

    private static void AssertDeclared(Type page, string expected)
    {
        if (expected == Anonymous)
        {
            Assert.NotNull(page.GetCustomAttribute<AllowAnonymousAttribute>(inherit: true));
            return;
        }
        var policies = page.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Select(a => a.Policy).ToList();
        Assert.Contains(expected, policies);
    }
}
