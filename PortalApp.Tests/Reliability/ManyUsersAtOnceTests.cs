using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using PortalApp.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PortalApp.Tests.Reliability;

/// <summary>
/// 27 Chromium contexts at once against one portal: officials changing their votes on the open ballot, clerks searching
/// the records and clerks exporting them as CSV, all starting together. No error of any kind (a "database is locked",
/// a server error, an error message, an error boundary, a lost circuit, a script error) reaches any of them.
/// </summary>
public sealed class ManyUsersAtOnceTests(ManyUsersAtOnceTests.Host host, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<ManyUsersAtOnceTests.Host>, IClassFixture<BrowserFixture>
{
    /// <summary>Its own portal: the demo ballot's votes change here.</summary>
    public sealed class Host : PortalHost;

    private const int Rounds = 4;
    private static readonly string[] Voters = ["city@portal.local", "city-alt@portal.local", "da@portal.local", "courts@portal.local"];
    private static readonly string[] NamePrefixes = ["M", "S", "J", "B", "W", "R", "C", "D", "H"];

    private readonly ConcurrentBag<string> problems = [];
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new();

    [Fact]
    public async Task TwentySevenUsersVotingSearchingAndExportingAtOnceSeeNoError()
    {
        var states = new Dictionary<string, string>();
        foreach (var account in Voters.Append("clerk@portal.local"))
        {
            states[account] = await browser.SignedInStateAsync(host.BaseUrl, account);
        }

        // 9 voters (the four officials' accounts, two or three tabs each), 9 searchers, 9 exporters.
        var users = Enumerable.Range(0, 9).Select(i => (Kind: "vote", Account: Voters[i % Voters.Length], N: i))
            .Concat(Enumerable.Range(0, 9).Select(i => (Kind: "search", Account: "clerk@portal.local", N: i)))
            .Concat(Enumerable.Range(0, 9).Select(i => (Kind: "export", Account: "clerk@portal.local", N: i)))
            .ToList();
        // The pages are opened one after another (27 page loads at once only measure the machine); then all act at once.
        var pages = new List<IPage>();
        foreach (var u in users)
        {
            pages.Add(await OpenAsync(states[u.Account], u.Kind == "vote" ? "/ballots/1" : "/records"));
        }

        var clock = Stopwatch.StartNew();
        using var start = new Barrier(users.Count);
        await Task.WhenAll(users.Select((u, i) => Task.Run(async () =>
        {
            start.SignalAndWait();
            for (var round = 0; round < Rounds; round++)
            {
                try
                {
                    await (u.Kind switch
                    {
                        "vote" => VoteAsync(pages[i], u.Account, u.N, round),
                        "search" => SearchAsync(pages[i], NamePrefixes[(u.N + round) % NamePrefixes.Length]),
                        _ => ExportAsync(pages[i], NamePrefixes[(u.N + round) % NamePrefixes.Length]),
                    });
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    problems.Add($"{u.Kind} {u.N} round {round}: {e.Message.Split('\n')[0]}");
                }
            }
        })));
        clock.Stop();

        foreach (var page in pages)
        {
            await CheckPageAsync(page);
            await page.Context.CloseAsync();
        }
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var current = await db.Votes.Where(v => v.BallotId == 1 && v.IsCurrent).GroupBy(v => v.Party).Select(g => g.Count()).ToListAsync();

        output.WriteLine($"{users.Count} contexts, {Rounds} rounds each, {clock.Elapsed.TotalSeconds:F1} s in all");
        foreach (var (kind, times) in latencies.OrderBy(k => k.Key))
        {
            var sorted = times.Order().ToList();
            output.WriteLine($"{kind}: {sorted.Count} done, median {sorted[sorted.Count / 2]:F0} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:F0} ms, max {sorted[^1]:F0} ms");
        }
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Take(20)));
        Assert.Equal(9 * Rounds, latencies["vote"].Count);
        Assert.Equal(9 * Rounds, latencies["search"].Count);
        Assert.Equal(9 * Rounds, latencies["export"].Count);
        Assert.All(current, c => Assert.Equal(1, c));
    }

    private async Task<IPage> OpenAsync(string state, string path)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = state, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        // Generous: the test is about errors reaching people, not speed on a shared two-core machine.
        context.SetDefaultTimeout(60000);
        var page = await context.NewPageAsync();
        page.PageError += (_, e) => problems.Add($"script error on {path}: {e}");
        page.Response += (_, r) =>
        {
            if (r.Status >= 500)
            {
                problems.Add($"{r.Status} from {r.Url}");
            }
        };
        page.Dialog += (_, d) => problems.Add($"dialog box: {d.Message}");
        await Interactive.GotoAsync(page, host.BaseUrl + path);
        return page;
    }

    /// <summary>The vote receipt on the page is a new one: the vote was acknowledged.</summary>
    private const string Receipted = "prev => { const e = document.querySelector('[data-testid=receipt-hash]'); return !!e && e.textContent.trim() !== prev; }";

    private async Task VoteAsync(IPage page, string account, int n, int round)
    {
        var clock = Stopwatch.StartNew();
        var panel = page.GetByTestId("vote-panel");
        var receipt = page.GetByTestId("receipt-hash");
        var previous = await receipt.CountAsync() > 0 ? (await receipt.InnerTextAsync()).Trim() : "";
        await panel.GetByTestId("vote-choice").GetByText(round % 2 == 0 ? "Renew for a new term" : "Abstain").ClickAsync();
        var rationale = $"{account} tab {n} round {round}";
        await panel.Locator("textarea").FillAsync(rationale);
        await panel.GetByTestId("cast-vote").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cast vote" }).ClickAsync();
        var outcome = page.GetByTestId("vote-accepted").Or(page.GetByTestId("vote-refused"));
        try
        {
            await page.WaitForFunctionAsync(Receipted, previous, new() { Timeout = 60000 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no receipt within 60 s; {await WhyNoReceiptAsync(page, rationale)}");
        }
        if (await page.GetByTestId("vote-refused").CountAsync() > 0)
        {
            problems.Add($"{account} tab {n}: {await page.GetByTestId("vote-refused").InnerTextAsync()}");
        }
        await Assertions.Expect(outcome).ToBeVisibleAsync();
        latencies.GetOrAdd("vote", _ => []).Add(clock.Elapsed.TotalMilliseconds);
    }

    private async Task SearchAsync(IPage page, string prefix)
    {
        var clock = Stopwatch.StartNew();
        await page.GetByTestId("filter-name").FillAsync(prefix);
        await page.GetByTestId("search").ClickAsync();
        // Every listed name starts with the prefix once the search has been answered.
        await page.WaitForFunctionAsync(
            "p => { const links = [...document.querySelectorAll('[data-testid=record-link]')]; return links.length > 0 && links.every(a => a.textContent.trim().toUpperCase().startsWith(p)); }",
            prefix, new() { Timeout = 60000 });
        latencies.GetOrAdd("search", _ => []).Add(clock.Elapsed.TotalMilliseconds);
    }

    private async Task ExportAsync(IPage page, string prefix)
    {
        var clock = Stopwatch.StartNew();
        var response = await page.Context.APIRequest.GetAsync($"{host.BaseUrl}/records/export.csv?name={prefix}");
        var body = await response.TextAsync();
        if (response.Status != 200 || !body.Contains(',', StringComparison.Ordinal))
        {
            problems.Add($"export {prefix}: {response.Status} {body[..Math.Min(200, body.Length)]}");
        }
        latencies.GetOrAdd("export", _ => []).Add(clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Whether a vote without a receipt reached the database, and what its page shows: the server or the page.</summary>
    private async Task<string> WhyNoReceiptAsync(IPage page, string rationale)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.Votes.AnyAsync(v => v.BallotId == 1 && v.Rationale == rationale);
        var dialogs = await page.Locator(".mud-dialog").CountAsync();
        // Counted first: asking a missing button whether it is disabled would wait the page's 60 s for it to appear.
        var button = page.GetByTestId("cast-vote");
        var state = await button.CountAsync() == 0 ? "absent" : await button.IsDisabledAsync() ? "disabled" : "enabled";
        var alerts = string.Join(" | ", await page.Locator(".mud-alert").AllInnerTextsAsync());
        return $"the vote is {(stored ? "" : "not ")}in the database; {dialogs} dialog(s) open; cast button {state}; alerts: {alerts}";
    }

    private async Task CheckPageAsync(IPage page)
    {
        var text = await page.InnerTextAsync("body");
        foreach (var sign in new[] { "database is locked", "Something went wrong", "An unhandled error", "SQLite Error" })
        {
            if (text.Contains(sign, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{page.Url}: {sign}");
            }
        }
        if (await page.Locator("[data-testid=page-error], [data-testid=records-refused]").CountAsync() > 0)
        {
            problems.Add($"{page.Url}: an error is shown");
        }
        if (await page.EvaluateAsync<bool>("() => !!document.querySelector('#components-reconnect-modal')?.open"))
        {
            problems.Add($"{page.Url}: the circuit was lost");
        }
    }
}
