using System.Globalization;

namespace Portal.Bench.Capacity;

/// <summary>The bench's options: <c>--circuits N</c> and the knobs around it.</summary>
public sealed record CapacityOptions
{
    public int Circuits { get; init; } = 100;
    /// <summary>Target an already running portal instead of starting one (memory is then read only if it maps the probe).</summary>
    public Uri? Url { get; init; }
    public string Scenario { get; init; } = "auto";
    /// <summary>How long every circuit acts (after ramp-up and the steady-state reading).</summary>
    public TimeSpan ActFor { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>A user's pause between actions (uniformly 0.5x to 1.5x of it).</summary>
    public TimeSpan Think { get; init; } = TimeSpan.FromSeconds(5);
    public int Watchers { get; init; } = 200;
    public int Votes { get; init; } = 20;
    /// <summary>Circuits opened at once while ramping up.</summary>
    public int RampConcurrency { get; init; } = 16;
    /// <summary>After the clients leave, how long to watch memory come back (default: the retention period plus a minute).</summary>
    public TimeSpan? RecoveryWatch { get; init; }
    /// <summary>Whether departing clients post the disconnect beacon (a closed tab) or just drop (a lost network).</summary>
    public bool Goodbye { get; init; }
    public int DemoRecords { get; init; } = 5000;
    public string Password { get; init; } = PortalApp.Seeding.DemoAccounts.Password;
    /// <summary>For scenario authors: open this page once and list the elements a scripted user can act on.</summary>
    public string? Describe { get; init; }
    public string DescribeAs { get; init; } = "admin@portal.local";
    /// <summary>For diagnosis: pause this long at the baseline, at steady state and after the recovery watch (e.g. to take a heap dump).</summary>
    public TimeSpan Hold { get; init; }

    public static CapacityOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CapacityOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--circuits" => options with { Circuits = NextInt() },
                "--url" => options with { Url = new Uri(Next()) },
                "--scenario" => options with { Scenario = Next() },
                "--act-seconds" => options with { ActFor = TimeSpan.FromSeconds(NextInt()) },
                "--think-ms" => options with { Think = TimeSpan.FromMilliseconds(NextInt()) },
                "--watchers" => options with { Watchers = NextInt() },
                "--votes" => options with { Votes = NextInt() },
                "--ramp" => options with { RampConcurrency = NextInt() },
                "--recovery-seconds" => options with { RecoveryWatch = TimeSpan.FromSeconds(NextInt()) },
                "--goodbye" => options with { Goodbye = true },
                "--records" => options with { DemoRecords = NextInt() },
                "--describe" => options with { Describe = Next() },
                "--as" => options with { DescribeAs = Next() },
                "--hold-seconds" => options with { Hold = TimeSpan.FromSeconds(NextInt()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (options.Circuits < 1 && options.Describe is null)
        {
            throw new ArgumentException("--circuits must be at least 1.");
        }
        return options;
    }

    public const string Usage =
        "usage: capacity --circuits N [--url URL] [--scenario auto|records|dashboard|letters|users|mixed] [--act-seconds 30] " +
        "[--think-ms 5000] [--watchers 200] [--votes 20] [--ramp 16] [--recovery-seconds S] [--goodbye] [--records 5000] [--hold-seconds S]\n" +
        "       capacity --describe PATH [--as EMAIL] [--url URL]   (lists what a scripted user can click on PATH)";
}
