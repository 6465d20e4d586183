using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Audit;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Audit;

/// <summary>
/// A migrated database (of the provider under test) with only the access log's services, for tests that tamper with the file directly
/// (which the shared app must never see) or need their own clock.
/// </summary>
public sealed class AuditLogDatabase : IAsyncDisposable
{
    private readonly TestDatabase database = TestDatabase.Create("portal-audit");
    private readonly ServiceProvider services;

    public AuditLogDatabase(int retentionDays = 365)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:AuditRetentionDays"] = retentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddPortalDatabase(database.Provider, database.ConnectionString);
        collection.AddOptions<AuditOptions>().Bind(configuration.GetSection("Portal"));
        collection.AddSingleton<AccessLogHealth>();
        collection.AddSingleton<AccessLogWriter>();
        collection.AddSingleton(new AuditSealKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        collection.AddSingleton<AccessLogSealer>();
        collection.AddSingleton<AccessLogVerifier>();
        collection.AddSingleton<AccessLogRetention>();
        services = collection.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 15, 4, 5, 678, TimeSpan.Zero));

    public IServiceProvider Services => services;

    public AccessLogWriter Writer => services.GetRequiredService<AccessLogWriter>();

    public AccessLogVerifier Verifier => services.GetRequiredService<AccessLogVerifier>();

    public AccessLogSealer Sealer => services.GetRequiredService<AccessLogSealer>();

    public static async Task<AuditLogDatabase> CreateAsync(int retentionDays = 365)
    {
        var database = new AuditLogDatabase(retentionDays);
        await using var db = await database.services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }
        return database;
    }

    public async Task AppendAsync(int count, string action = AccessActions.Search)
    {
        for (var i = 0; i < count; i++)
        {
            await Writer.AppendAsync(NewEntry(action, $"target {i}"));
        }
    }

    public static AccessLogEntry NewEntry(string action, string target) => new()
    {
        UserName = "clerk@portal.local", Role = "Clerk", Action = action, Target = target,
        Outcome = AccessOutcomes.Success, Source = "test", ClientAddress = "127.0.0.1",
    };

    public async Task<PortalDbContext> ContextAsync() =>
        await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    public DatabaseProvider Provider => database.Provider;

    /// <summary>Runs SQL (written in SQLite's dialect, see <see cref="TestSql"/>) on the database the way someone with direct access would, outside the app.</summary>
    public Task ExecuteAsAttackerAsync(string sql) => database.ExecuteDirectAsync(TestSql.For(database.Provider, sql));

    /// <summary>What an attacker with the database must do first: drop the append-only triggers (the seals' too).</summary>
    public Task DropTriggersAsAttackerAsync() => database.ExecuteDirectAsync(string.Join('\n',
        database.Provider == DatabaseProvider.Sqlite
            ? AccessLogTriggers.Drop.Concat(AccessLogSealTriggers.SqliteDrop)
            : PostgresSafeguards.Drop.Concat(AccessLogSealTriggers.PostgresDrop)));

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }
}
