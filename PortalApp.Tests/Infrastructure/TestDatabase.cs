using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Data;
using PortalApp.Common;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// One fresh database for one test host, on the provider named by the environment variable PORTAL_TEST_PROVIDER
/// (Sqlite when unset): a temporary SQLite file, or a new database on the loopback PostgreSQL server (dropped on dispose).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ProviderVariable = "PORTAL_TEST_PROVIDER";

    /// <summary>
    /// The trait by which each run of the suite leaves out what the other covers. The PostgreSQL run leaves out
    /// <see cref="SameOnEveryProvider"/> (what a page looks like and how it is used, checked once, on SQLite) and
    /// <see cref="AlwaysPostgres"/> (the scale-out tests, which run on PostgreSQL in the first run already); the SQLite run
    /// leaves out <see cref="StricterOnPostgres"/>. See README "Set-up".
    /// </summary>
    public const string ProviderTrait = "Provider";
    public const string SameOnEveryProvider = "SameOnEvery";
    public const string AlwaysPostgres = "AlwaysPostgres";

    /// <summary>
    /// Browser tests of hostile input stored verbatim: PostgreSQL is the stricter store (it enforces column lengths and
    /// refuses NUL characters, where SQLite stores anything), and the portal's checks are the same on both, so they run in
    /// the PostgreSQL run only; the service-level hostile-input tests run on both.
    /// </summary>
    public const string StricterOnPostgres = "StricterOnPostgres";

    private TestDatabase(DatabaseProvider provider, string name, string connectionString)
    {
        Provider = provider;
        Name = name;
        ConnectionString = connectionString;
    }

    public static DatabaseProvider ProviderUnderTest { get; } =
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } name
            ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    public static bool OnPostgres => ProviderUnderTest == DatabaseProvider.Postgres;

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file's path, or the PostgreSQL database's name.</summary>
    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The app's configuration for this database, as command-line arguments.</summary>
    public string[] Arguments => [$"--Database:Provider={Provider}", $"--ConnectionStrings:Portal={ConnectionString}"];

    /// <summary>A new, empty database; the app (or MigrateAsync) creates PostgreSQL's on first start.</summary>
    public static TestDatabase Create(string prefix) => Create(prefix, ProviderUnderTest);

    /// <summary>A new, empty database on the given provider, whatever the suite runs on.</summary>
    public static TestDatabase Create(string prefix, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");
            return new TestDatabase(DatabaseProvider.Sqlite, path, $"Data Source={path}");
        }
        var name = $"{prefix.Replace('-', '_')}_{Guid.NewGuid():N}";
        return new TestDatabase(DatabaseProvider.Postgres, name, PostgresServer.ConnectionString(name));
    }

    /// <summary>A connection outside the app, as someone with direct access to the database would open it.</summary>
    public DbConnection OpenDirect()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection($"{ConnectionString};Pooling=False")
            : new NpgsqlConnection($"{ConnectionString};Pooling=False");
        connection.Open();
        return connection;
    }

    public async Task ExecuteDirectAsync(string sql)
    {
        await using var connection = OpenDirect();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in new[] { PortalApp.Common.SecretKeys.Pseudonym, PortalApp.Common.SecretKeys.AuditSeal })
        {
            File.Delete(PortalApp.Common.SecretKeys.DemoPath(Provider, ConnectionString, source));
        }
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            SqliteFiles.Delete(Name);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await PostgresServer.DropDatabaseAsync(Name);
    }
}
