namespace Portal.Bench.Capacity;

/// <summary>One thing a scripted user does: an event or a navigation, timed to its render batch.</summary>
public sealed record UserAction(string Name, Func<CircuitClient, int, Task<TimeSpan>> RunAsync);

/// <summary>A scripted user: who signs in, which page they open, what must be there before they act, what they do in turn.</summary>
public sealed record Scenario(string Name, string Account, string Path, string ReadyElement, IReadOnlyList<UserAction> Actions, string ReadyEvent = "click");

/// <summary>
/// Officials watching a ballot while votes are cast: the watchers' page; how the voter prepares vote number n and
/// then casts it (through the page, as a person does: the cast is the instant the fan-out is timed from); and how a
/// watcher's render batch shows the vote arrived.
/// </summary>
public sealed record FanoutScenario(
    string Path, IReadOnlyList<string> WatcherAccounts, string VoterAccount, string VoterReady, (string Element, string Event) WatcherReady,
    Func<CircuitClient, int, Task> PrepareAsync, Func<CircuitClient, int, Task> CastAsync, Func<RenderBatchView, int, bool> Shows);

/// <summary>
/// The scripted users. Each works on pages that exist; a scenario whose page is missing from the portal under
/// test (answering 404) is left out, so <c>/records</c> and the ballot join as soon as their pages land.
/// </summary>
public static class CapacityScenarios
{
    private const string ToggleNavigation = "aria-label=Toggle navigation";
    private const string ThemeToggle = "data-testid=theme-toggle";

    private static readonly string[] NamePrefixes = ["M", "S", "J", "B", "W", "R"];
    private static readonly UserAction ToggleDrawer = new("toggle drawer", (c, _) => c.ClickAsync(ToggleNavigation));
    private static readonly UserAction ToggleTheme = new("toggle theme", (c, _) => c.ClickAsync(ThemeToggle));

    public static readonly Scenario Dashboard = new("dashboard", "clerk@portal.local", "/", ToggleNavigation,
        [ToggleDrawer, ToggleTheme]);

    public static readonly Scenario Letters = new("letters", "solicitor@portal.local", "/letters", "data-testid=letters-search",
        [
            // The search field is debounced (300 ms): its time includes that wait, as the person's does.
            new("search letters", (c, _) => c.ChangeAsync("data-testid=letters-search", "SOL", "input")),
            new("sort letters", (c, _) => c.ClickAsync("aria-label=Sort")),
            new("clear search", (c, _) => c.ChangeAsync("data-testid=letters-search", "", "input")),
            ToggleDrawer,
        ], ReadyEvent: "input");

    public static readonly Scenario Users = new("users", "admin@portal.local", "/admin/users", ToggleNavigation,
        [
            ToggleTheme,
            new("open dashboard", (c, _) => c.NavigateAsync("/", b => b.Carries("Welcome"))),
            new("open users", (c, _) => c.NavigateAsync("/admin/users", b => b.Carries("users-table"))),
        ]);

    /// <summary>A clerk at work: pages through arrests, filters by name, opens a record and comes back.</summary>
    public static readonly Scenario Records = new("records", "clerk@portal.local", "/records", "aria-label=Next page",
        [
            new("next page", (c, _) => c.ClickAsync("aria-label=Next page")),
            new("next page", (c, _) => c.ClickAsync("aria-label=Next page")),
            new("previous page", (c, _) => c.ClickAsync("aria-label=Previous page")),
            new("type name filter", (c, n) => c.ChangeAsync("data-testid=filter-name", NamePrefixes[n % NamePrefixes.Length], "input")),
            new("search", (c, _) => c.ClickAsync("data-testid=search")),
            new("clear filters", (c, _) => c.ClickAsync("text=Clear")),
            new("open record", (c, n) => c.NavigateAsync($"/records/{1 + (n * 37 % 400)}", b => b.Carries("person-fields") || b.Carries("record-refused"))),
            new("back to records", (c, _) => c.NavigateAsync("/records", b => b.Carries("records-grid"))),
        ]);

    public static IReadOnlyList<Scenario> All => [Records, Dashboard, Letters, Users];

    /// <summary>The scenarios for <paramref name="name"/>: one by name, <c>mixed</c> (all, circuits dealt in turn), or <c>auto</c>.</summary>
    public static IReadOnlyList<Scenario> Select(string name, IReadOnlyList<Scenario> available)
    {
        if (name is "mixed" or "auto")
        {
            return available.FirstOrDefault(s => s.Name == "records") is { } records && name == "auto" ? [records] : available;
        }
        return available.Where(s => s.Name == name).ToList() is { Count: > 0 } one
            ? one
            : throw new ArgumentException($"Scenario '{name}' is not available on this portal (have: {string.Join(", ", available.Select(s => s.Name))}).");
    }

    /// <summary>
    /// The City's official changes the seat's vote on the open demo ballot (Renew and Abstain in turn, so no decision
    /// is taken and the ballot stays open); every other official, the Solicitor and oversight watch. Each vote carries
    /// a new rationale, so a watcher's render batch that carries it is the vote arriving.
    /// </summary>
    public static readonly FanoutScenario Ballot = new("/ballots/1",
        ["da@portal.local", "courts@portal.local", "solicitor@portal.local", "auditor@portal.local", "admin@portal.local", "clerk@portal.local"],
        "city@portal.local", "data-testid=cast-vote", ("text=Open for votes", "keydown"),
        async (voter, n) =>
        {
            await voter.ClickAsync(n % 2 == 0 ? "data-testid=choice-Abstain" : "data-testid=choice-Renew");
            await voter.ChangeAsync("data-testid=vote-rationale", VoteRationale(n), "input");
            await voter.ClickAsync("data-testid=cast-vote", renders: b => b.Carries("Confirm your vote"));
        },
        // The confirmation dialog's button is the second "Cast vote" on the page.
        (voter, n) => voter.ClickAsync("text=Cast vote", nth: voter.Handlers.Count("text=Cast vote", "click") - 1,
            renders: b => b.Carries(VoteRationale(n)) || b.Carries("vote-refused")),
        (batch, n) => batch.Carries(VoteRationale(n)));

    private static string VoteRationale(int n) => $"Capacity check, vote {n}";
}
