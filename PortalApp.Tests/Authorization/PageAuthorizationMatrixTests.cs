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
/// against one expected table. A new page without a row here fails, so no page escapes the matrix.
/// </summary>
[Collection(AppCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class PageAuthorizationMatrixTests(PortalHost host)
{
    private const string Anonymous = "(anonymous)";

    /// <summary>Route template → the policy that guards it (Anonymous: open to everyone).</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = Policies.SignedIn,
        ["/not-found"] = Anonymous,
        ["/Error"] = Anonymous,
        ["/Account/Login"] = Anonymous,
        ["/Account/LoginWith2fa"] = Anonymous,
        ["/Account/LoginWithRecoveryCode"] = Anonymous,
        ["/Account/Lockout"] = Anonymous,
        ["/Account/AccessDenied"] = Anonymous,
        ["/Account/InvalidUser"] = Anonymous,
        ["/Account/Manage/ChangePassword"] = Policies.SignedIn,
        ["/Account/Manage/TwoFactorAuthentication"] = Policies.SignedIn,
        ["/Account/Manage/EnableAuthenticator"] = Policies.SignedIn,
        ["/Account/Manage/Disable2fa"] = Policies.SignedIn,
        ["/Account/Manage/ResetAuthenticator"] = Policies.SignedIn,
        ["/Account/Manage/GenerateRecoveryCodes"] = Policies.SignedIn,
        ["/admin/users"] = Policies.ManageUsers,
        ["/admin/masking"] = Policies.ManagePolicy,
        ["/agreements"] = Policies.ReadAgreements,
        ["/agreements/{id:int}"] = Policies.ReadAgreements,
        ["/ballots/{id:int}"] = Policies.ReadBallots,
        ["/records"] = Policies.BrowseRecords,
        ["/records/{id:int}"] = Policies.BrowseRecords,
        ["/letters"] = Policies.ReadLetters,
        ["/letters/{id:int}"] = Policies.ReadLetters,
        ["/letters/templates"] = Policies.IssueLetter,
        ["/audit"] = Policies.ReadAuditLog,
        ["/audit/review"] = Policies.ReadAuditLog,
        ["/audit/report"] = Policies.ReadAuditLog,
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
        var expected = Expected[route];
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
        if (expected == Anonymous)
        {
            return;
        }
        foreach (var role in Roles.All)
        {
            var account = DemoAccounts.All.First(a => a.Role == role);
            using var client = await SignIn.ClientAsync(host.BaseUrl, account.Email);
            var response = await client.GetAsync(url);
            if (CapabilityMap.Allows(role, expected))
            {
                var location = response.Headers.Location?.OriginalString ?? "";
                var allowed = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound
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
