using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.AccessLogging;
using PortalApp.Agreements;
using PortalApp.Common;
using PortalApp.Seeding;
using PortalApp.Tests.Audit;
using PortalApp.Tests.Authorization;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Transparency;

/// <summary>After the scripted history, the page, the CSV and the JSON give exactly the expected figures.</summary>
[Collection(TransparencyCollection.Name)]
public sealed class TransparencyFiguresTests(TransparencyHistory host)
{
    private const string Few = "fewer than 10";
    private const string Ice = PortalApp.Seeding.DemoAgencies.Ice;

    [Fact]
    public async Task ThePageShowsTheAgencysUseByMonthWithSmallCountsSuppressed()
    {
        var page = await GetAsync("/transparency");
        var rows = page.QuerySelectorAll($"[data-testid=use-row][data-agency={Ice}]")
            .ToDictionary(r => r.GetAttribute("data-month")!, r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray());

        Assert.Equal([host.FirstMonth, host.SecondMonth], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([Ice, DemoAgreement.Reference, MonthName(host.FirstMonth), "15", "12", N(host.RowsExported), Few, "19%"], rows[host.FirstMonth]);
        Assert.Equal([Ice, DemoAgreement.Reference, MonthName(host.SecondMonth), Few, Few, "0", "0", "no figure (fewer than 10 uses)"], rows[host.SecondMonth]);
        // Only the ICE liaison used records in this history: no other agency's month shows a search, view or export.
        Assert.All(page.QuerySelectorAll("[data-testid=use-row]").Where(r => r.GetAttribute("data-agency") != Ice),
            r => Assert.Equal(["0", "0", "0"], r.QuerySelectorAll("td").Skip(3).Take(3).Select(c => c.TextContent.Trim())));
        Assert.True(host.RowsExported >= 10, "the export was too small to show the rows unsuppressed");
    }

    [Fact]
    public async Task ThePageShowsTheAgreementDecisionAndLetterFromTheSameStateThePortalEnforces()
    {
        var page = await GetAsync("/transparency");
        var status = await StatusAsTheAgreementsListShowsItAsync();

        var agreement = Assert.Single(page.QuerySelectorAll("[data-testid=agreement-row]"), r => Cells(r)[0] == DemoAgreement.Reference);
        Assert.Equal([DemoAgreement.Reference, "U.S. Immigration and Customs Enforcement (ICE)", status, "Oct 1, 2008"], Cells(agreement).Take(4));
        var ballot = Assert.Single(page.QuerySelectorAll("[data-testid=ballot-row]"), r => Cells(r)[0] == DemoAgreement.Reference);
        Assert.Equal([DemoAgreement.Reference, host.Term, "Terminate", Tally, PublicDay(host.DecidedDate), "Terminate", "Terminate", "Renew"], Cells(ballot));
        Assert.Contains("rationales are not published", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Stated in the meeting", page.Body.TextContent, StringComparison.Ordinal);
        var letter = Assert.Single(page.QuerySelectorAll("[data-testid=letter-row]"));
        Assert.Equal([host.LetterNumber, PublicDay(host.DecidedDate), "Termination", DemoAgreement.Reference, $"Verify {host.LetterNumber}"], Cells(letter));
        Assert.Equal($"/verify/{host.LetterNumber}", letter.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheCsvGivesTheSameFiguresAsThePage()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var response = await client.GetAsync("/transparency.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var header = lines[0];
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)];
        var use = lines.Where(l => l[0] == "monthly_use" && Cell(l, "agency") == Ice).ToDictionary(l => Cell(l, "month"));

        Assert.Equal([host.FirstMonth, host.SecondMonth], use.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["15", "12", host.RowsExported.ToString(System.Globalization.CultureInfo.InvariantCulture), Few, "19"],
            new[] { "searches", "people_viewed", "rows_exported", "refused_or_flagged", "outside_hours_percent" }.Select(c => Cell(use[host.FirstMonth], c)));
        Assert.Equal([Few, Few, "0", "0", ""],
            new[] { "searches", "people_viewed", "rows_exported", "refused_or_flagged", "outside_hours_percent" }.Select(c => Cell(use[host.SecondMonth], c)));
        var letter = Assert.Single(lines, l => l[0] == "letter");
        Assert.Equal(($"/verify/{host.LetterNumber}", "Termination", $"{host.DecidedDate:yyyy-MM-dd}"), (Cell(letter, "verify_path"), Cell(letter, "kind"), Cell(letter, "issued_date")));
        var ballot = Assert.Single(lines, l => l[0] == "ballot" && Cell(l, "agreement") == DemoAgreement.Reference);
        Assert.Equal(("Terminate", "Terminate", "Renew"), (Cell(ballot, "vote_city"), Cell(ballot, "vote_district_attorney"), Cell(ballot, "vote_courts")));
        Assert.Contains(lines, l => l[0] == "daily_head" && Cell(l, "date") == $"{host.DecidedDate:yyyy-MM-dd}");
    }

    [Fact]
    public async Task TheJsonGivesTheSameFiguresWithSuppressedCountsAsNull()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var json = JsonDocument.Parse(await client.GetStringAsync("/transparency.json"));
        var use = json.RootElement.GetProperty("monthlyUse").EnumerateArray().Where(u => u.GetProperty("agency").GetString() == Ice)
            .ToDictionary(u => u.GetProperty("month").GetString()!);

        Assert.Equal([host.FirstMonth, host.SecondMonth], use.Keys.Order(StringComparer.Ordinal));
        var first = use[host.FirstMonth];
        Assert.Equal((15, 12, host.RowsExported, JsonValueKind.Null, 19),
            (first.GetProperty("searches").GetInt32(), first.GetProperty("peopleViewed").GetInt32(), first.GetProperty("rowsExported").GetInt32(),
             first.GetProperty("refusedOrFlagged").ValueKind, first.GetProperty("outsideHoursPercent").GetInt32()));
        var second = use[host.SecondMonth];
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, 0, 0, JsonValueKind.Null),
            (second.GetProperty("searches").ValueKind, second.GetProperty("peopleViewed").ValueKind, second.GetProperty("rowsExported").GetInt32(),
             second.GetProperty("refusedOrFlagged").GetInt32(), second.GetProperty("outsideHoursPercent").ValueKind));
        var ballot = Assert.Single(json.RootElement.GetProperty("ballots").EnumerateArray(), b => b.GetProperty("agreement").GetString() == DemoAgreement.Reference);
        Assert.Equal(("Terminate", Tally, $"{host.DecidedDate:yyyy-MM-dd}"),
            (ballot.GetProperty("decision").GetString(), ballot.GetProperty("tally").GetString(), ballot.GetProperty("decidedDate").GetString()));
        var agreement = Assert.Single(json.RootElement.GetProperty("agreements").EnumerateArray(), a => a.GetProperty("reference").GetString() == DemoAgreement.Reference);
        Assert.Equal(await StatusAsTheAgreementsListShowsItAsync(), agreement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheDailyHeadsAreTheSealersHeadsAndTheLastOneIsTheChainsEntry()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var json = JsonDocument.Parse(await client.GetStringAsync("/transparency.json"));
        var heads = json.RootElement.GetProperty("dailyHeads").EnumerateArray()
            .Select(h => (h.GetProperty("date").GetString()!, h.GetProperty("seal").GetInt32(), h.GetProperty("entryId").GetInt64(), h.GetProperty("hash").GetString()!))
            .ToList();
        var today = PortalTime.Today(host.Time);
        var expected = (await host.Services.GetRequiredService<AccessLogSealer>().DailyHeadsAsync(today.AddDays(-30), today))
            .Select(h => ($"{h.Day:yyyy-MM-dd}", h.Seal, h.HeadEntryId, h.HeadHash)).ToList();

        Assert.NotEmpty(heads);
        Assert.Equal(expected, heads);
        await using var db = await host.DbAsync();
        var (_, _, entryId, hash) = heads[^1];
        Assert.Equal(hash, (await db.AccessLog.SingleAsync(e => e.Id == entryId)).Hash);
    }

    public static TheoryData<string?> Visitors() => [null, .. PortalApp.Seeding.DemoAccounts.All.Select(a => a.Email)];

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task EveryoneGetsThePageAndBothFiles(string? email)
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, email);
        foreach (var path in new[] { "/transparency", "/transparency.csv", "/transparency.json" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} as {email ?? ExpectedAccess.Anonymous}: {(int)response.StatusCode}");
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnAnonymousReadIsLoggedWithoutAnyPersonalData()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var entry = await AccessLogProbe.SingleEntryOfAsync(host.Services, async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/transparency.json")).StatusCode));

        Assert.Equal((AccessActions.PublicRead, "transparency JSON", AccessOutcomes.Success), (entry.Action, entry.Target, entry.Outcome));
        Assert.Equal((null, null, null, null, null), (entry.UserId, entry.UserName, entry.Role, entry.PartyOrAgency, entry.ClientAddress));
    }

    [Fact]
    public async Task TheSignInPageLinksToThePublicRecord()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var login = new HtmlParser().ParseDocument(await client.GetStringAsync("/Account/Login"));
        var link = login.QuerySelector("[data-testid=public-record]");
        Assert.Equal("/transparency", link?.GetAttribute("href"));
        Assert.StartsWith("Public record", link!.TextContent, StringComparison.Ordinal);
    }

    private const string Tally = "Terminate 2 · Renew 1 · Abstain 0 · Recused 0 · Not voted 0 (2 of 3 needed to terminate)";

    private async Task<string> StatusAsTheAgreementsListShowsItAsync()
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var list = await scope.ServiceProvider.GetRequiredService<AgreementService>().ListAsync();
        return list.Single(a => a.Reference == DemoAgreement.Reference).Lifecycle.Label;
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> GetAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) => [.. row.QuerySelectorAll("td").Select(c => c.TextContent.Trim())];

    private static string N(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static string PublicDay(DateOnly day) => day.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string MonthName(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
