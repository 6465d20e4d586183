using PortalApp.Common;
using PortalApp.Hosting;

namespace PortalApp.Cli;

/// <summary>
/// The verbs of the program besides serving: `seed`, `audit verify`, `users unlock`. The benches are verbs of
/// tools/Portal.Bench, which runs them on the same host.
/// </summary>
public static class CliVerbs
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["audit"] = AuditVerb.RunAsync,
        ["seed"] = SeedVerb.RunAsync,
        ["users"] = UsersVerb.RunAsync,
    };

    // The benches left the web app; an old script that still asks it for one is told where they went, not served a portal.
    private static readonly HashSet<string> Moved = new(StringComparer.Ordinal) { "bench", "capacity" };

    public static bool IsVerb(string[] args) => args.Length > 0 && (Verbs.ContainsKey(args[0]) || Moved.Contains(args[0]));

    public static async Task<int> RunAsync(string[] args)
    {
        if (Moved.Contains(args[0]))
        {
            await Console.Error.WriteLineAsync("The benches moved: dotnet run --project tools/Portal.Bench -c Release -- bench [--circuits N]");
            return 2;
        }
        return await RunAsync(args, Verbs[args[0]]);
    }

    /// <summary>Runs <paramref name="verb"/> with its own flags on the portal's services, the database prepared.</summary>
    public static async Task<int> RunAsync(string[] args, Func<IServiceProvider, string[], Task<int>> verb)
    {
        // The host sees only configuration: a flag without a value (`--phases`) would otherwise swallow the argument after it.
        var builder = WebApplication.CreateBuilder(ConfigurationArguments(args));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        try
        {
            builder.AddPortal();
        }
        catch (SecretKeyRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 2;
        }
        await using var app = builder.Build();
        await app.Services.PrepareDatabaseAsync();
        return await verb(app.Services, VerbArguments(args));
    }

    /// <summary>
    /// The verb's own flags. Configuration (`--Section:Key=value` or `--Section:Key value`) is for the host
    /// and may stand anywhere, so it is left out wherever it stands rather than ending the verb's flags.
    /// </summary>
    internal static string[] VerbArguments(string[] args) => Split(args).Verb;

    internal static string[] ConfigurationArguments(string[] args) => Split(args).Configuration;

    private static (string[] Verb, string[] Configuration) Split(string[] args)
    {
        var own = new List<string>();
        var configuration = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
            {
                configuration.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    configuration.Add(args[++i]);
                }
                continue;
            }
            own.Add(arg);
        }
        return ([.. own], [.. configuration]);
    }
}
