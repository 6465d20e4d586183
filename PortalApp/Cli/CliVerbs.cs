using PortalApp.Hosting;

namespace PortalApp.Cli;

/// <summary>The verbs of the program besides serving: `seed`, `bench`, `audit verify`.</summary>
public static class CliVerbs
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["audit"] = AuditVerb.RunAsync,
        ["seed"] = SeedVerb.RunAsync,
        ["bench"] = BenchVerb.RunAsync,
        ["capacity"] = Capacity.CapacityBench.RunAsync,
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(VerbOf(args));

    /// <summary>`bench --circuits N` is the capacity bench; plain `bench` is the query latency bench.</summary>
    private static string VerbOf(string[] args) => args[0] == "bench" && args.Contains("--circuits") ? "capacity" : args[0];

    public static async Task<int> RunAsync(string[] args)
    {
        var verbArgs = args.Skip(1).TakeWhile(a => !a.StartsWith("--ConnectionStrings", StringComparison.Ordinal)).ToArray();
        var builder = WebApplication.CreateBuilder(args.Skip(1).ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPortal();
        await using var app = builder.Build();
        await app.Services.PrepareDatabaseAsync();
        return await Verbs[VerbOf(args)](app.Services, verbArgs);
    }
}
