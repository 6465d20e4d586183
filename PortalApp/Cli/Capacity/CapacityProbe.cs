using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PortalApp.Cli.Capacity;

/// <summary>
/// The server's side of the capacity bench: a loopback-only endpoint that reports the process's managed heap,
/// working set, CPU time and live circuits, after a full blocking collection when asked. Off unless
/// <c>Portal:Capacity:Probe</c> is true (the bench sets it on the portal it starts); production never maps it.
/// </summary>
public static class CapacityProbe
{
    public const string Path = "/_capacity/probe";
    private const string Switch = "Portal:Capacity:Probe";

    public static IServiceCollection AddCapacityProbe(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue(Switch, false))
        {
            services.AddSingleton<CircuitCounter>();
            services.AddScoped<CircuitHandler, CircuitCounter.Handler>();
        }
        return services;
    }

    public static WebApplication MapCapacityProbe(this WebApplication app)
    {
        if (!app.Configuration.GetValue(Switch, false))
        {
            return app;
        }
        app.MapGet(Path, (HttpContext context, CircuitCounter circuits, bool? gc) =>
        {
            if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            {
                return Results.NotFound();
            }
            if (gc == true)
            {
                // Twice, so objects with finalizers freed by the first pass are collected too.
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
            using var process = Process.GetCurrentProcess();
            return Results.Ok(new ProbeReading(
                GC.GetTotalMemory(forceFullCollection: false),
                process.WorkingSet64,
                process.TotalProcessorTime.TotalMilliseconds,
                circuits.Open,
                circuits.Connected,
                GC.CollectionCount(2),
                Environment.ProcessorCount,
                AnonymousResidentBytes()));
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The resident memory that is neither code nor a mapped file (Linux: RssAnon in /proc/self/status), or 0 where
    /// the platform does not say. The working set also counts the pages of JIT-compiled code and of assemblies, which
    /// grow once as new code paths run and never shrink; this part is what circuits and caches hold.
    /// </summary>
    private static long AnonymousResidentBytes()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return 0;
        }
        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kb, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value * 1024 : 0;
    }

    /// <summary>Counts circuits the way the server holds them: open (connected or retained) and connected.</summary>
    public sealed class CircuitCounter
    {
        private int open;
        private int connected;

        public int Open => Volatile.Read(ref open);
        public int Connected => Volatile.Read(ref connected);

        public sealed class Handler(CircuitCounter counter) : CircuitHandler
        {
            public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counter.open);
                return Task.CompletedTask;
            }

            public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
            {
                Interlocked.Decrement(ref counter.open);
                return Task.CompletedTask;
            }

            public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counter.connected);
                return Task.CompletedTask;
            }

            public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
            {
                Interlocked.Decrement(ref counter.connected);
                return Task.CompletedTask;
            }
        }
    }
}

/// <summary>One reading of the probe.</summary>
public sealed record ProbeReading(long ManagedHeapBytes, long WorkingSetBytes, double CpuMs, int CircuitsOpen, int CircuitsConnected, int Gen2Collections, int Cores, long AnonymousBytes = 0);
