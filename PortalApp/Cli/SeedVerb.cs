using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using PortalApp.Seeding;

namespace PortalApp.Cli;

/// <summary>`seed --records N [--random-seed S]`: replaces all arrest records with N deterministic synthetic ones.</summary>
public static class SeedVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var records = Option(args, "--records");
        var seed = Option(args, "--random-seed") ?? RecordsDemoSeeder.DemoSeed;
        if (records is not > 0)
        {
            await Console.Error.WriteLineAsync("usage: seed --records N [--random-seed S]   (N > 0)");
            return 2;
        }
        var (provider, connectionString) = await DatabaseAsync(services);
        Console.WriteLine($"seed: generating {records:N0} records (random seed {seed}) into {connectionString}");
        var cpu = Environment.CpuUsage.TotalTime;
        var result = RecordBulkLoader.Replace(provider, connectionString, records.Value, seed);
        cpu = Environment.CpuUsage.TotalTime - cpu;
        Console.WriteLine($"seed: {result.Records:N0} records in {result.Elapsed.TotalSeconds:F1} s ({result.RecordsPerSecond:N0} records/s; indexes and statistics {result.Indexing.TotalSeconds:F1} s; {cpu.TotalSeconds:F1} s of CPU)");
        return 0;
    }

    internal static int? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    internal static async Task<(DatabaseProvider Provider, string ConnectionString)> DatabaseAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return (db.Provider(), db.Database.GetConnectionString()!);
    }
}
