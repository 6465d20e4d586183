using System.Runtime;
using System.Runtime.InteropServices;

namespace PortalApp.Hosting.Circuits;

/// <summary>
/// Gives memory back to the machine after a crowd leaves. The server GC keeps the memory a thousand circuits needed
/// committed long after they close, and the C allocator keeps what SQLite's caches freed; both are reused if the crowd
/// comes back, but on a small shared server they starve everything else. Every 15 s this looks at the open circuits
/// (retained ones included, so it acts once the retention period has let go of them): once at least
/// <see cref="MinimumDrop"/> circuits have closed since the peak and at most half the peak remain, it runs one
/// aggressive, compacting collection, which decommits the GC's free space, and asks the C allocator to release its
/// free pages. Measured in the capacity bench (docs/capacity.md). The people still connected pay one full
/// collection of what is live (tens to a few hundred milliseconds), at most once each time the count halves.
/// It runs on the machine's clock, not the portal's <see cref="TimeProvider"/>: memory is a matter of real seconds,
/// and on the portal's clock a test that moves time a month ahead would tick it 170,000 times in one call.
/// </summary>
public sealed partial class MemoryTrim(CircuitCensus census, ILogger<MemoryTrim> logger) : BackgroundService
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    public const int MinimumDrop = 50;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private int peak;

    public int Trims { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Check();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    /// <summary>One look at the census; true when it trimmed.</summary>
    public bool Check()
    {
        var open = census.Open;
        peak = Math.Max(peak, open);
        if (peak - open < MinimumDrop || open > peak / 2)
        {
            return false;
        }
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var started = Clock.GetTimestamp();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        ReleaseFreeNativeMemory();
        Log.Trimmed(logger, peak, open, before / 1048576, GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576, (long)Clock.GetElapsedTime(started).TotalMilliseconds);
        peak = open;
        Trims++;
        return true;
    }

    private static void ReleaseFreeNativeMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            MallocTrim(0);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): nothing to ask.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Circuits fell from {Peak} to {Open}: memory trimmed in {Ms} ms, GC committed {BeforeMb} MB -> {AfterMb} MB.")]
        public static partial void Trimmed(ILogger logger, int peak, int open, long beforeMb, long afterMb, long ms);
    }
}
