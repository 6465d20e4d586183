using System.Diagnostics;
using Portal.Bench.Capacity;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// The portal as a separate operating-system process on its own port and database, so a test can
/// kill it (SIGKILL) and start it again on the same database. Several processes may share one database
/// (pass it in; the one that created it disposes it).
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly bool ownsDatabase;
    private Process? process;

    public PortalProcess(TestDatabase? shared = null)
    {
        ownsDatabase = shared is null;
        Database = shared ?? TestDatabase.Create("portal-proc");
        Port = PortalUnderTest.FreePort();
    }

    public TestDatabase Database { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string ConnectionString => Database.ConnectionString;

    /// <summary>The process's output, for a test that fails to say what the portal said.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    public async Task StartAsync()
    {
        var start = PortalUnderTest.ChildProcess(
        [
            "--urls", BaseUrl, .. Database.Arguments,
            "--Portal:DemoRecords=60", "--Portal:SignInPermitsPerMinute=1000000", "--environment", "Development",
            "--EnableStaticAssetsDevelopmentCaching=true",
        ]);
        // As the test process itself (PortalApp.Tests.csproj): a portal that lives a minute gains nothing from PGO.
        start.Environment["DOTNET_TieredPGO"] = "0";
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => Output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient();
        // A first start seeds the demo (password hashing, records); on a loaded 2-core machine that can take a minute.
        if (await PortalUnderTest.UntilHealthyAsync(client, new Uri(BaseUrl), TimeSpan.FromSeconds(180), process))
        {
            return;
        }
        throw new TimeoutException($"The portal process did not become healthy within 180 s (exited: {process.HasExited}). Its output:\n{string.Join('\n', Output.TakeLast(40))}");
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the process.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
        process = null;
    }

    /// <summary>
    /// "ok" when the database is whole. SQLite: PRAGMA integrity_check over every page. PostgreSQL (whose write-ahead
    /// log recovers the server, not the client's process): every table of the portal reads through to its last row.
    /// </summary>
    public async Task<string> IntegrityCheckAsync()
    {
        await using var connection = Database.OpenDirect();
        await using var command = connection.CreateCommand();
        if (Database.Provider == Portal.Data.DatabaseProvider.Sqlite)
        {
            command.CommandText = "PRAGMA integrity_check;";
            return (string)(await command.ExecuteScalarAsync())!;
        }
        command.CommandText = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            command.CommandText = $"SELECT count(*) FROM (SELECT * FROM \"{table}\") AS everything";
            await command.ExecuteScalarAsync();
        }
        return tables.Count > 20 ? "ok" : $"only {tables.Count} tables";
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Yield();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
