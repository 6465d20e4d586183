using System.Net;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hardening;

/// <summary>Route parameters and query strings from the hostile corpus never make the server fail.</summary>
[Collection(AppCollection.Name)]
public sealed class HostileRequestTests(PortalHost host)
{
    private static readonly string[] RoutesWithIds = ["/agreements/{id}", "/ballots/{id}", "/records/{id}", "/letters/{id}", "/letters/{id}/pdf"];
    private static readonly string[] Pages = ["/", "/Account/Login", "/agreements", "/records", "/letters", "/audit", "/admin/users", "/admin/masking"];

    [Theory]
    [InlineData("admin@portal.local")]
    [InlineData("clerk@portal.local")]
    [InlineData("liaison@portal.local")]
    public async Task HostileRouteValuesAndQueryStringsAnswerWithoutAServerError(string account)
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, account);
        var urls = RoutesWithIds.SelectMany(r => HostileInputs.RouteValues.Select(v => r.Replace("{id}", v, StringComparison.Ordinal)))
            .Concat(Pages.SelectMany(p => HostileInputs.QueryStrings.Select(q => p + q)));
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url} as {account}: {(int)response.StatusCode}");
            var location = response.Headers.Location?.OriginalString ?? "";
            // No open redirect: a redirect stays on this host.
            Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), location);
            if (Uri.TryCreate(location, UriKind.Absolute, out var target) && target.Scheme.StartsWith("http", StringComparison.Ordinal))
            {
                Assert.Equal(new Uri(host.BaseUrl).Authority, target.Authority);
            }
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
            }
        }
    }
}
