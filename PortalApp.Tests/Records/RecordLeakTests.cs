using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data.Entities;
using PortalApp.Authorization;
using PortalApp.Masking;
using PortalApp.Records;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Records;

[Collection(AppCollection.Name)]
public sealed partial class RecordLeakTests(PortalHost host, BrowserFixture browser)
{
    /// <summary>Each agency's liaison, checked against the values its own agreement's schedule hides.</summary>
    public static TheoryData<string> Liaisons() => ["liaison@portal.local", "fbi-liaison@portal.local"];

    [Theory]
    [MemberData(nameof(Liaisons))]
    public async Task NoValueMaskedForTheLiaisonReachesTheBrowserWhileTheClerkSeesThem(string liaison)
    {
        ClearLiaisonPurpose(liaison);
        var page = await browser.NewPageAsync();
        var frames = new List<string>();
        page.WebSocket += (_, ws) => ws.FrameReceived += (_, f) =>
        {
            lock (frames) frames.Add(f.Text ?? Encoding.UTF8.GetString(f.Binary ?? []));
        };
        await SignIn.AsAsync(page, host.BaseUrl, liaison);

        await page.GotoAsync($"{host.BaseUrl}/records");
        await RecordTestData.StatePurposeInBrowserAsync(page);
        var listHtml = await page.ContentAsync();
        var shownPeople = PersonLink().Matches(listHtml).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.NotEmpty(shownPeople);

        await page.GetByTestId("record-link").First.ClickAsync();
        await page.GetByTestId("person-fields").WaitForAsync();
        var detailHtml = await page.ContentAsync();
        var detailPerson = int.Parse(PersonPath().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await page.Context.CloseAsync();

        var masked = await MaskedForLiaisonAsync(liaison, [.. shownPeople, detailPerson]);
        Assert.NotEmpty(masked);
        string everything;
        lock (frames) everything = listHtml + detailHtml + string.Join("\n", frames);
        Assert.True(frames.Count > 0, "no WebSocket frames were recorded");
        foreach (var value in masked)
        {
            Assert.False(everything.Contains(value, StringComparison.Ordinal), $"a masked value reached the browser: {value}");
        }

        var clerk = await browser.NewPageAsync();
        await SignIn.AsAsync(clerk, host.BaseUrl, "clerk@portal.local");
        await clerk.GotoAsync($"{host.BaseUrl}/records/{detailPerson}");
        await clerk.GetByTestId("person-fields").WaitForAsync();
        var clerkHtml = await clerk.ContentAsync();
        var raw = await RecordTestData.RawPersonAsync(host, detailPerson);
        foreach (var field in new[] { RecordFields.DateOfBirth, RecordFields.Phone, RecordFields.StateId, RecordFields.PlaceOfBirth, RecordFields.Ethnicity })
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(raw[field]), clerkHtml, StringComparison.Ordinal);
        }
        await clerk.Context.CloseAsync();
    }

    /// <summary>Every raw value, of these people and their arrests, whose field the liaison's own schedule does not Show.</summary>
    private async Task<HashSet<string>> MaskedForLiaisonAsync(string liaison, IReadOnlyCollection<int> people)
    {
        await using var scope = await host.ScopeAsAsync(liaison);
        var user = await scope.ServiceProvider.GetRequiredService<Capabilities>().CurrentUserAsync();
        var policy = (await scope.ServiceProvider.GetRequiredService<MaskingPolicyService>().AccessForAsync(user)).Policy!;
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in people)
        {
            foreach (var (field, value) in await RecordTestData.RawPersonAsync(host, id))
            {
                if (!policy.SeesUnmasked(field)) values.Add(value);
            }
            await using var db = await RecordTestData.DbAsync(host);
            var officers = await db.Involvements.Where(i => i.PersonId == id).Select(i => i.Arrest!.Officer).ToListAsync();
            if (!policy.SeesUnmasked(RecordFields.Officer)) values.UnionWith(officers);
        }
        values.RemoveWhere(v => v.Length < 4);
        return values;
    }

    private void ClearLiaisonPurpose(string email)
    {
        var registry = host.Services.GetRequiredService<PurposeRegistry>();
        var users = host.Services.CreateScope().ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
        var liaison = users.FindByEmailAsync(email).GetAwaiter().GetResult()!;
        registry.Clear(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, liaison.Id)], "test")));
    }

    [GeneratedRegex(@"href=""/records/(\d+)""")]
    private static partial Regex PersonLink();

    [GeneratedRegex(@"/records/(\d+)")]
    private static partial Regex PersonPath();
}
