using System.Diagnostics;
using System.Net;
using PortalApp.Hosting.Circuits;

namespace PortalApp.Hosting;

/// <summary>
/// The server's side of the capacity bench: a loopback-only endpoint that reports the process's managed heap,
/// working set, CPU time and live circuits, after a full blocking collection when asked. Off unless
/// <c>Portal:Capacity:Probe</c> is true (the bench sets it on the portal it starts); production never maps it.
/// </summary>
public static class CapacityProbe
{
    public const string Path = "/_capacity/probe";
    private const string Switch = "Portal:Capacity:Probe";

    public static WebApplication MapCapacityProbe(this WebApplication app)
    {
        if (!app.Configuration.GetValue(Switch, false))
        {
            return app;
        }
        app.MapGet(Path, (HttpContext context, CircuitCensus circuits, MemoryTrim trim, bool? gc) =>
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
                AnonymousResidentBytes(),
                GC.GetTotalPauseDuration().TotalMilliseconds,
                GC.CollectionCount(0),
                GC.CollectionCount(1),
                trim.Trims,
                GcSettings(),
                GC.GetTotalAllocatedBytes(precise: false)));
        }).AllowAnonymous();
        return app;
    }

    /// <summary>The collector as the runtime configured it (not as asked): kind, heaps, DATAS and the gen0 budget cap.</summary>
    private static string GcSettings()
    {
        var gc = GC.GetConfigurationVariables();
        string Of(string key) => gc.TryGetValue(key, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?" : "?";
        var budget = gc.TryGetValue("GCGen0MaxBudget", out var b) && Convert.ToInt64(b, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var bytes
            ? $"{bytes / 1048576} MB"
            : "default";
        return $"{(Of("ServerGC") == "True" ? "server" : "workstation")}, {Of("HeapCount")} heaps, DATAS {Of("GCDynamicAdaptationMode")}, gen0 budget cap {budget}";
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
}

/// <summary>One reading of the probe.</summary>
public sealed record ProbeReading(long ManagedHeapBytes, long WorkingSetBytes, double CpuMs, int CircuitsOpen, int CircuitsConnected, int Gen2Collections, int Cores, long AnonymousBytes = 0,
    double GcPauseMs = 0, int Gen0Collections = 0, int Gen1Collections = 0, int MemoryTrims = 0, string GcSettings = "", long AllocatedBytes = 0);
