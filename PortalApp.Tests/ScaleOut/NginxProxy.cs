using System.Diagnostics;
using Portal.Bench.Capacity;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.ScaleOut;

/// <summary>
/// nginx in front of the two instances, started from the committed example configuration (docs/nginx/portal.conf)
/// with only its ports rewritten. Fails with a clear message when nginx is not installed.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"portal-nginx-{Guid.NewGuid():N}");
    private Process? process;

    public int Port { get; } = PortalUnderTest.FreePort();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static string ExampleConfiguration => RepositoryFiles.PathOf("docs", "nginx", "portal.conf");

    public async Task StartAsync(int portA, int portB)
    {
        if (!File.Exists("/usr/sbin/nginx"))
        {
            throw new InvalidOperationException("The scale-out tests need nginx: apt-get install -y nginx.");
        }
        Directory.CreateDirectory(directory);
        var site = (await File.ReadAllTextAsync(ExampleConfiguration))
            .Replace("127.0.0.1:5191", $"127.0.0.1:{portA}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5192", $"127.0.0.1:{portB}", StringComparison.Ordinal)
            .Replace("listen 8080;", $"listen 127.0.0.1:{Port};", StringComparison.Ordinal);
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
            {{site}}
            }
            """);
        var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", directory, "-c", config })
        {
            start.ArgumentList.Add(argument);
        }
        process = Process.Start(start)!;
        using var client = new HttpClient();
        if (await PortalUnderTest.UntilHealthyAsync(client, new Uri(BaseUrl), TimeSpan.FromSeconds(15), process))
        {
            return;
        }
        if (process.HasExited)
        {
            throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
        }
        throw new TimeoutException("nginx did not answer within 15 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            // The master and its workers: killing the master alone would leave the workers running.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
