using System.Globalization;
using System.Text;
using PortalApp.Hosting;

namespace Portal.Bench.Capacity;

/// <summary>What a run measured, printed as the tables docs/capacity.md keeps and the one summary line.</summary>
public sealed class CapacityReport
{
    public required int Circuits { get; init; }
    public required string Scenarios { get; init; }
    public required string Portal { get; init; }
    public List<(string Phase, ProbeReading? Reading, string Note)> Memory { get; } = [];
    public ProbeReading? Baseline { get; set; }
    public ProbeReading? Steady { get; set; }
    public int Started { get; set; }
    public TimeSpan RampTime { get; set; }
    public LatencyLog Actions { get; } = new();
    public LatencyLog Fanout { get; } = new();

    /// <summary>Every action again, by the window of the acting phase in which it started: shows whether slowness is a burst or steady.</summary>
    public LatencyLog ActionsByWindow { get; } = new();

    public (double PauseMs, int Gen0, int Gen1, int Gen2) ActingGc { get; set; }
    public long AllocatedWhileActing { get; set; }
    public string FanoutNote { get; set; } = "n/a";
    public double ServerCpuPercent { get; set; } = double.NaN;
    public double ClientCpuPercent { get; set; } = double.NaN;
    public TimeSpan ActedFor { get; set; }
    public int CircuitErrors { get; set; }
    public List<string> ErrorSamples { get; } = [];
    public int ServerLogErrors { get; set; }
    public string Recovery { get; set; } = "not watched";
    public long BatchesReceived { get; set; }
    public long BytesReceived { get; set; }

    public double KbPerCircuit(Func<ProbeReading, long> measure) =>
        Baseline is { } b && Steady is { } s && Started > 0 ? (measure(s) - measure(b)) / 1024.0 / Started : double.NaN;

    public string Render()
    {
        var o = new StringBuilder();
        o.AppendLine(Invariant($"Capacity at {Circuits} circuits — scenario {Scenarios}; portal {Portal}"));
        o.AppendLine();
        o.AppendLine("| phase | circuits open | managed heap MB | working set MB | of which anonymous MB | note |");
        o.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var (phase, r, note) in Memory)
        {
            o.AppendLine(r is null
                ? $"| {phase} | — | — | — | — | {note} |"
                : Invariant($"| {phase} | {r.CircuitsOpen} | {r.ManagedHeapBytes / 1048576.0:0.0} | {r.WorkingSetBytes / 1048576.0:0.0} | {r.AnonymousBytes / 1048576.0:0.0} | {note} |"));
        }
        o.AppendLine();
        o.AppendLine("| per circuit (steady minus baseline) | value |");
        o.AppendLine("|---|---:|");
        o.AppendLine(Invariant($"| circuits started | {Started} of {Circuits} in {RampTime.TotalSeconds:0.0} s |"));
        o.AppendLine(Invariant($"| managed heap | {KbPerCircuit(r => r.ManagedHeapBytes):0} KB |"));
        o.AppendLine(Invariant($"| working set | {KbPerCircuit(r => r.WorkingSetBytes):0} KB |"));
        o.AppendLine(Invariant($"| server CPU while acting ({ActedFor.TotalSeconds:0} s) | {ServerCpuPercent:0} % of one core |"));
        o.AppendLine(Invariant($"| load client CPU while acting | {ClientCpuPercent:0} % of one core |"));
        o.AppendLine(Invariant($"| server GC while acting: pauses / collections gen0, gen1, gen2 | {ActingGc.PauseMs:0} ms ({ActingGc.PauseMs / Math.Max(1, ActedFor.TotalMilliseconds) * 100:0.0} % of the time) / {ActingGc.Gen0}, {ActingGc.Gen1}, {ActingGc.Gen2} |"));
        o.AppendLine(Invariant($"| server allocations while acting | {AllocatedWhileActing / 1048576.0 / Math.Max(1, ActedFor.TotalSeconds):0} MB/s, {AllocatedWhileActing / 1024.0 / Math.Max(1, Actions.All.Count):0} KB per action |"));
        o.AppendLine($"| server GC settings | {Steady?.GcSettings} |");
        o.AppendLine(Invariant($"| render batches received / bytes | {BatchesReceived} / {BytesReceived / 1024.0:0} KB |"));
        o.AppendLine();
        o.AppendLine("| action → render batch | count | p50 ms | p95 ms | p99 ms | max ms |");
        o.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var name in Actions.Names)
        {
            o.AppendLine(Row(name, Actions.Of(name)));
        }
        o.AppendLine(Row("**all actions**", Actions.All));
        o.AppendLine(Fanout.All.Count > 0 ? Row($"vote fan-out ({FanoutNote})", Fanout.All) : $"| vote fan-out | {FanoutNote} | | | | |");
        o.AppendLine();
        o.AppendLine("| actions started in | count | p50 ms | p95 ms | p99 ms | max ms |");
        o.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var window in ActionsByWindow.Names)
        {
            o.AppendLine(Row(window, ActionsByWindow.Of(window)));
        }
        o.AppendLine();
        o.AppendLine(Invariant($"Circuit errors: {CircuitErrors}; server log errors: {ServerLogErrors}. Memory after the clients left: {Recovery}."));
        foreach (var sample in ErrorSamples.Take(5))
        {
            o.AppendLine($"  error: {sample}");
        }
        o.AppendLine();
        o.Append(Invariant($"capacity: circuits={Circuits} kb-per-circuit={KbPerCircuit(r => r.WorkingSetBytes):0} p95-ms={Actions.All.P95:0} vote-fanout-p95-ms={(Fanout.All.Count > 0 ? Fanout.All.P95.ToString("0", CultureInfo.InvariantCulture) : "n/a")} errors={CircuitErrors}"));
        return o.ToString();
    }

    private const int WindowSeconds = 5;

    public static string Window(TimeSpan startedAt)
    {
        var from = (int)startedAt.TotalSeconds / WindowSeconds * WindowSeconds;
        return Invariant($"{from,3}–{from + WindowSeconds} s");
    }

    private static string Row(string name, LatencyLog.Summary s) =>
        Invariant($"| {name} | {s.Count} | {s.P50:0.0} | {s.P95:0.0} | {s.P99:0.0} | {s.Max:0.0} |");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
