using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Cli;
using PortalApp.Records;
using PortalApp.Seeding;

namespace Portal.Bench;

/// <summary>
/// `bench [--records N]`: builds (or reuses) a database of N records (1,000,000 by default) on the configured store and
/// times the records service in-process, as the clerk and as the liaison, end to end (checks, query, masking and the
/// access-log write).
/// </summary>
public static class RecordsBench
{
    private const int DefaultRecords = 1_000_000;
    private const int Warmup = 50;
    // A p95 of 200 calls is the 10th slowest, which one collection or one busy second elsewhere on the machine
    // decides; 1,000 calls per role make the ratio of two p95s a property of the code.
    private const int Runs = 1000;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var records = RecordsOf(args);
        if (records is null)
        {
            Console.Error.WriteLine("bench: --records takes a whole number from 1,000 to 100,000,000");
            return 2;
        }
        var (provider, connectionString) = await SeedVerb.DatabaseAsync(services);
        var seedRate = await EnsureRecordsAsync(services, provider, connectionString, records.Value);
        var sample = await SampleAsync(services, records.Value);
        var random = new Random(7);
        string[] prefixes = ["SMI", "JOH", "WIL", "GAR", "MAR", "BRO", "DAV", "ROD", "MIL", "LOP"];

        var scenarios = new (string Name, Func<RecordSearchService, int, Task> Run)[]
        {
            ("first page, default order", (s, _) => s.SearchAsync(new RecordQuery())),
            ("name-prefix search", (s, i) => s.SearchAsync(new RecordQuery { Name = prefixes[i % prefixes.Length] })),
            ("DC-number lookup", (s, i) => s.SearchAsync(new RecordQuery { DcNumber = sample.DcNumbers[i % sample.DcNumbers.Count] })),
            ("date range + district", (s, i) => s.SearchAsync(new RecordQuery
            {
                District = PhiladelphiaData.Districts[i % PhiladelphiaData.Districts.Length],
                From = new DateOnly(2020 + i % 6, 1 + i % 12, 1), To = new DateOnly(2020 + i % 6, 1 + i % 12, 1).AddMonths(1),
            })),
            ("page 1,000 of a result", (s, _) => s.SearchAsync(new RecordQuery { Page = 999 })),
            ("record detail", (s, i) => s.ViewAsync(sample.PersonIds[i % sample.PersonIds.Count])),
        };

        var p95 = new Dictionary<(string, string), double>();
        Console.WriteLine($"{"query",-28} {"role",-14} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
        await using var clerk = await SignedInScopeAsync(services, "clerk@portal.local");
        await using var liaison = await SignedInScopeAsync(services, "liaison@portal.local");
        var roles = new (string Role, RecordSearchService Records)[]
        {
            ("Clerk", clerk.ServiceProvider.GetRequiredService<RecordSearchService>()),
            ("AgencyLiaison", liaison.ServiceProvider.GetRequiredService<RecordSearchService>()),
        };
        await roles[1].Records.StatePurposeAsync(StatedPurpose.ReasonCodes[0], "BENCH-0001");
        foreach (var (name, run) in scenarios)
        {
            GC.Collect();
            // The two roles take turns with the same inputs, so whatever else the machine does falls on both alike.
            var times = roles.Select(_ => new List<double>(Runs)).ToArray();
            for (var i = 0; i < Warmup + Runs; i++)
            {
                var input = random.Next(1000);
                for (var r = 0; r < roles.Length; r++)
                {
                    var clock = Stopwatch.StartNew();
                    await run(roles[r].Records, input);
                    if (i >= Warmup) times[r].Add(clock.Elapsed.TotalMilliseconds);
                }
            }
            for (var r = 0; r < roles.Length; r++)
            {
                var sorted = times[r].Order().ToList();
                p95[(name, roles[r].Role)] = Percentile(sorted, 0.95);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-28} {roles[r].Role,-14} {Percentile(sorted, 0.50),8:F2} {Percentile(sorted, 0.95),8:F2} {Percentile(sorted, 0.99),8:F2}"));
            }
        }
        var export = await ExportBench.RunAsync(roles[0].Records);
        var worst = p95.Values.Max();
        var ratio = scenarios.Max(s => p95[(s.Name, "AgencyLiaison")] / p95[(s.Name, "Clerk")]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed rate: {seedRate:F0} records/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: worst-p95-ms={worst:F2} masked-ratio={ratio:F2} seed-rows-per-s={seedRate:F0} {export} provider={provider} records={records}"));
        return 0;
    }

    /// <summary>The number after <c>--records</c>, the default without one, or null when it is not a sensible count.</summary>
    internal static int? RecordsOf(string[] args) =>
        !args.Contains("--records") ? DefaultRecords
        : SeedVerb.Option(args, "--records") is int n && n is >= 1_000 and <= 100_000_000 ? n : null;

    internal static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Seeds the records when the database holds another number; when it reuses one, it measures the seed rate on a scratch file.</summary>
    private static async Task<double> EnsureRecordsAsync(IServiceProvider services, DatabaseProvider provider, string connectionString, int target)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            if (await db.Involvements.CountAsync() != target)
            {
                Console.WriteLine($"bench: seeding {target:N0} records into {connectionString} …");
                var result = RecordBulkLoader.Replace(provider, connectionString, target, RecordsDemoSeeder.DemoSeed);
                Console.WriteLine($"bench: seeded in {result.Elapsed.TotalSeconds:F1} s");
                return result.RecordsPerSecond;
            }
        }
        if (provider == DatabaseProvider.Postgres)
        {
            // A scratch PostgreSQL database would need rights to create one; the rate is measured when the bench seeds.
            Console.WriteLine($"bench: reusing the {target:N0}-record database; the seed rate is measured only when the bench seeds PostgreSQL");
            return double.NaN;
        }
        Console.WriteLine($"bench: reusing the {target:N0}-record database; measuring the seed rate on a fresh scratch database");
        var scratch = Path.Combine(Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = PortalDatabase.Create(DatabaseProvider.Sqlite, $"Data Source={scratch}"))
            {
                await db.Database.MigrateAsync();
            }
            return RecordBulkLoader.Replace($"Data Source={scratch}", target, RecordsDemoSeeder.DemoSeed).RecordsPerSecond;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Portal.Data.SqliteFiles.Delete(scratch);
        }
    }

    private sealed record Sample(List<string> DcNumbers, List<int> PersonIds);

    /// <summary>Up to 200 arrestees spread over the whole table (every <c>step</c>-th row id), whatever its size.</summary>
    private static async Task<Sample> SampleAsync(IServiceProvider services, int records)
    {
        var step = Math.Clamp(records / 1_000, 1, 4_999);
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var rows = await db.Involvements.AsNoTracking().Where(i => i.Role == InvolvementRole.Arrestee && i.Id % step == 0)
            .Select(i => new { i.DcNumber, i.PersonId }).Take(200).ToListAsync();
        if (rows.Count == 0)
        {
            throw new InvalidOperationException($"bench: no arrestee among every {step}th of the {records:N0} records to look up.");
        }
        return new Sample(rows.Select(r => r.DcNumber).ToList(), rows.Select(r => r.PersonId).ToList());
    }

    private static async Task<AsyncServiceScope> SignedInScopeAsync(IServiceProvider services, string email)
    {
        var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}: the demo seed creates it.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }
}
