using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Records;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Records;

namespace PortalApp.Tests.Hardening;

/// <summary>
/// Roles that may not browse records open every page they can use, after people's records were searched,
/// viewed and exported by the clerk; no personal value of those people reaches their browser
/// (page HTML and every WebSocket frame).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NoLeakAnywhereTests(PortalHost host, BrowserFixture browser)
{
    public static TheoryData<string, string[]> RolesAndPages() => new()
    {
        { "admin@portal.local", ["/", "/admin/users", "/admin/masking", "/agreements", "/agreements/1", "/ballots/1", "/letters", "/audit", "/audit/review", "/audit/report"] },
        { "auditor@portal.local", ["/", "/audit", "/audit/review", "/audit/report", "/agreements/1", "/ballots/1", "/letters"] },
        { "solicitor@portal.local", ["/", "/letters", "/letters/templates", "/agreements/1", "/ballots/1"] },
    };

    [Theory]
    [MemberData(nameof(RolesAndPages))]
    public async Task NoPersonalValueReachesARoleThatMayNotBrowseRecords(string account, string[] paths)
    {
        var people = new[] { 1, 2, 3 };
        await using (var clerk = await host.ScopeAsAsync("clerk@portal.local"))
        {
            var records = clerk.ServiceProvider.GetRequiredService<RecordSearchService>();
            foreach (var id in people)
            {
                await records.ViewAsync(id);
            }
        }
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in people)
        {
            var raw = await RecordTestData.RawPersonAsync(host, id);
            foreach (var field in new[] { RecordFields.Name, RecordFields.DateOfBirth, RecordFields.Address, RecordFields.Phone, RecordFields.StateId })
            {
                secrets.Add(raw[field]);
            }
        }

        var page = await browser.NewPageAsync();
        var seen = new StringBuilder();
        page.WebSocket += (_, ws) => ws.FrameReceived += (_, f) =>
        {
            lock (seen) seen.Append(f.Text ?? Encoding.UTF8.GetString(f.Binary ?? []));
        };
        await SignIn.AsAsync(page, host.BaseUrl, account);
        foreach (var path in paths)
        {
            await Interactive.GotoAsync(page, host.BaseUrl + path);
            await page.WaitForTimeoutAsync(500);
            var html = await page.ContentAsync();
            lock (seen) seen.Append(html);
        }
        await page.Context.CloseAsync();

        string everything;
        lock (seen) everything = seen.ToString();
        Assert.True(everything.Length > 1000, "nothing was recorded");
        foreach (var secret in secrets)
        {
            Assert.False(everything.Contains(secret, StringComparison.Ordinal), $"{account} received a personal value: {secret}");
        }
    }
}
