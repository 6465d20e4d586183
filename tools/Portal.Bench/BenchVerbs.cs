using Portal.Bench.Capacity;
using PortalApp.Cli;

namespace Portal.Bench;

/// <summary>
/// The portal's benches, run as its own verbs are (<see cref="CliVerbs"/>: the portal's host, configuration from
/// <c>--Section:Key=value</c>): <c>bench [--records N]</c> times the records service on N records (a million by default); <c>bench --circuits N</c>
/// (or <c>capacity</c>) measures N Blazor circuits against a portal it starts.
/// </summary>
public static class BenchVerbs
{
    private const string Usage = "usage: bench [--records N] | bench --circuits N [options] | capacity --circuits N [options]   (docs/capacity.md)";

    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["bench"] = RecordsBench.RunAsync,
        ["capacity"] = CapacityBench.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        if (!IsVerb(args))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        return await CliVerbs.RunAsync(args, Verbs[VerbOf(args)]);
    }

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    /// <summary>`bench --circuits N` is the capacity bench; plain `bench` is the records latency bench.</summary>
    internal static string VerbOf(string[] args) => args[0] == "bench" && args.Contains("--circuits") ? "capacity" : args[0];
}
