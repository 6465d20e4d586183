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
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var verbArgs = args.Skip(1).TakeWhile(a => !a.StartsWith("--ConnectionStrings", StringComparison.Ordinal)).ToArray();
        var builder = WebApplication.CreateBuilder(args.Skip(1).ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPortal();
        await using var app = builder.Build();
        await app.Services.PrepareDatabaseAsync();
        return await Verbs[args[0]](app.Services, verbArgs);
    }
}
