using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using PortalApp.Hosting;
using PortalApp.Letters;

namespace Portal.Bench.Capacity;

/// <summary>
/// The portal the bench measures: a separate process of this same build on a loopback port with a fresh demo
/// database, so the memory and CPU read are the server's alone, not the load client's. Or, with <c>--url</c>, a
/// portal already running (memory is read only if it maps the probe).
/// </summary>
public sealed class PortalUnderTest : IAsyncDisposable
{
    private readonly Process? process;
    private readonly string? databasePath;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromMinutes(2) };
    private int serverErrors;

    private PortalUnderTest(Uri baseUri, Process? process, string? databasePath, string? logPath)
    {
        BaseUri = baseUri;
        this.process = process;
        this.databasePath = databasePath;
        LogPath = logPath;
    }

    public Uri BaseUri { get; }
    public string? LogPath { get; }
    public int? ProcessId => process?.Id;
    /// <summary>Lines the server logged at error or critical level while the bench ran.</summary>
    public int ServerErrors => Volatile.Read(ref serverErrors);

    public static async Task<PortalUnderTest> AttachAsync(Uri url)
    {
        var portal = new PortalUnderTest(url, null, null, null);
        await portal.WaitHealthyAsync(TimeSpan.FromSeconds(10));
        return portal;
    }

    public static async Task<PortalUnderTest> StartAsync(CapacityOptions options)
    {
        var port = FreePort();
        var databasePath = Path.Combine(Path.GetTempPath(), $"portal-capacity-{port}.db");
        Portal.Data.SqliteFiles.Delete(databasePath);
        var logPath = Path.Combine(Path.GetTempPath(), $"portal-capacity-{port}.log");
        var (certificate, password) = (CertificateOf(databasePath), NewKey());
        using (var made = LetterCertificates.CreateSelfSigned("CN=City Solicitor (capacity bench)", DateTimeOffset.UtcNow))
        {
            LetterCertificates.Save(made, certificate, password);
        }
        var info = ChildProcess(
                 [
                     "--urls", $"http://127.0.0.1:{port}", $"--ConnectionStrings:Portal=Data Source={databasePath}",
                     "--environment", "Production", $"--Portal:DemoRecords={options.DemoRecords.ToString(CultureInfo.InvariantCulture)}",
                     // The bench signs in from one address and has no authenticator app; neither limit is what it measures.
                     "--Portal:SignInPermitsPerMinute=1000000", "--Portal:RequireTwoFactor=false",
                     "--Portal:Capacity:Probe=true", "--Logging:LogLevel:Default=Warning",
                     // A fresh database each run, so fresh keys: Production refuses to start without them.
                     $"--Portal:PseudonymKey={NewKey()}", $"--Audit:SealKey={NewKey()}", $"--Portal:KeyRingKey={NewKey()}",
                     $"--{LetterCertificates.Setting}={certificate}", $"--{LetterCertificates.PasswordSetting}={password}",
                 ]);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the portal.");
        var portal = new PortalUnderTest(new Uri($"http://127.0.0.1:{port}"), process, databasePath, logPath);
        var log = new StreamWriter(logPath) { AutoFlush = true };
        void OnLine(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }
            lock (log)
            {
                log.WriteLine(e.Data);
            }
            if (e.Data.StartsWith("fail:", StringComparison.Ordinal) || e.Data.StartsWith("crit:", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref portal.serverErrors);
            }
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await portal.WaitHealthyAsync(TimeSpan.FromMinutes(3));
        return portal;
    }

    /// <summary>Memory, CPU and circuits of the server; with <paramref name="collect"/>, after a full blocking collection.</summary>
    public async Task<ProbeReading?> ReadAsync(bool collect)
    {
        try
        {
            return await http.GetFromJsonAsync<ProbeReading>(new Uri(BaseUri, $"{CapacityProbe.Path}?gc={(collect ? "true" : "false")}"));
        }
        catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        if (!await UntilHealthyAsync(http, BaseUri, timeout, process))
        {
            throw new InvalidOperationException($"The portal at {BaseUri} did not become healthy (log: {LogPath}).");
        }
    }

    /// <summary>Asks <c>/health</c> until it answers, the process behind it exits, or the time runs out; true when it answered.</summary>
    internal static async Task<bool> UntilHealthyAsync(HttpClient http, Uri baseUri, TimeSpan timeout, Process? process)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && process is not { HasExited: true })
        {
            try
            {
                if ((await http.GetAsync(new Uri(baseUri, "/health"))).IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        return false;
    }

    private static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>This build of the portal as a child process (`dotnet PortalApp.dll ARGS`), its output captured.</summary>
    internal static ProcessStartInfo ChildProcess(IEnumerable<string> arguments)
    {
        var appDll = typeof(global::Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(appDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return info;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        if (databasePath is not null)
        {
            SqliteConnection.ClearAllPools();
            Portal.Data.SqliteFiles.Delete(databasePath);
            File.Delete(CertificateOf(databasePath));
        }
    }

    /// <summary>The run's throwaway signing certificate, beside its database and deleted with it.</summary>
    internal static string CertificateOf(string databasePath) => databasePath + ".solicitor.pfx";
}
