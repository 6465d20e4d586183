namespace PortalApp.Cli.Capacity;

/// <summary>One thing a scripted user does: an event or a navigation, timed to its render batch.</summary>
public sealed record UserAction(string Name, Func<CircuitClient, int, Task<TimeSpan>> RunAsync);

/// <summary>A scripted user: who signs in, which page they open, what must be there before they act, what they do in turn.</summary>
public sealed record Scenario(string Name, string Account, string Path, string ReadyElement, IReadOnlyList<UserAction> Actions, string ReadyEvent = "click");

/// <summary>
/// Officials watching a ballot while votes are cast: the watchers' page, and how the voter casts vote number n
/// (through the page, as a person does) and how a watcher's render batch shows it arrived.
/// </summary>
public sealed record FanoutScenario(
    string Path, IReadOnlyList<string> WatcherAccounts, string VoterAccount, string ReadyElement,
    Func<CircuitClient, int, Task> CastAsync, Func<RenderBatchView, int, bool> Shows);

/// <summary>
/// The scripted users. Each works on pages that exist; a scenario whose page is missing from the portal under
/// test (answering 404) is left out, so <c>/records</c> and the ballot join as soon as their pages land.
/// </summary>
public static class CapacityScenarios
{
    private const string ToggleNavigation = "aria-label=Toggle navigation";
    private const string ThemeToggle = "data-testid=theme-toggle";

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

    public static IReadOnlyList<Scenario> All => [Dashboard, Letters, Users];

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

    /// <summary>The ballot fan-out, once a ballot page exists.</summary>
    public static FanoutScenario? Fanout => null;
}
