using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PortalApp.Cli.Capacity;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// The portal as a separate operating-system process on its own port and database file, so a test can
/// kill it (SIGKILL) and start it again on the same file.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private Process? process;

    public PortalProcess()
    {
        DatabasePath = Path.Combine(Path.GetTempPath(), $"portal-proc-{Guid.NewGuid():N}.db");
        Port = PortalUnderTest.FreePort();
    }

    public string DatabasePath { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string ConnectionString => $"Data Source={DatabasePath}";

    public async Task StartAsync()
    {
        process = Process.Start(PortalUnderTest.ChildProcess(
        [
            "--urls", BaseUrl, $"--ConnectionStrings:Portal={ConnectionString}",
            "--Portal:DemoRecords=60", "--Portal:SignInPermitsPerMinute=1000000", "--environment", "Development",
        ]))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync($"{BaseUrl}/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The portal process did not become healthy within 60 s.");
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the process.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
        process = null;
    }

    public async Task<string> IntegrityCheckAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        Portal.Data.SqliteFiles.Delete(DatabasePath);
    }
}
