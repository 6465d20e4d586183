using Portal.Bench.Capacity;
using PortalApp.Hosting;

namespace PortalApp.Tests.Capacity;

/// <summary>The tables the capacity verb prints: per-window latency in time order, GC pauses, the summary line.</summary>
public sealed class CapacityReportTests
{
    [Fact]
    public void WindowsSortInTimeOrderAndTheSummaryLineCarriesTheFigures()
    {
        var report = new CapacityReport { Circuits = 2, Scenarios = "records (/records)", Portal = "test" };
        report.Baseline = new ProbeReading(10 * 1024 * 1024, 100 * 1024 * 1024, 0, 0, 0, 0, 2);
        report.Steady = new ProbeReading(12 * 1024 * 1024, 104 * 1024 * 1024, 0, 2, 2, 0, 2);
        report.Started = 2;
        report.ActedFor = TimeSpan.FromSeconds(10);
        report.ActingGc = (500, 4, 1, 0);
        foreach (var (at, ms) in new[] { (12.0, 30.0), (3.0, 10.0), (7.0, 20.0), (4.9, 40.0) })
        {
            report.Actions.Add("next page", TimeSpan.FromMilliseconds(ms));
            report.ActionsByWindow.Add(CapacityReport.Window(TimeSpan.FromSeconds(at)), TimeSpan.FromMilliseconds(ms));
        }

        var text = report.Render();

        var windows = text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("–", StringComparison.Ordinal)).ToList();
        Assert.Equal(["|   0–5 s | 2 |", "|   5–10 s | 1 |", "|  10–15 s | 1 |"], windows.Select(l => string.Join('|', l.Split('|').Take(3)) + "|"));
        Assert.Contains("| 500 ms (5.0 % of the time) / 4, 1, 0 |", text, StringComparison.Ordinal);
        Assert.EndsWith("capacity: circuits=2 kb-per-circuit=2048 p95-ms=40 vote-fanout-p95-ms=n/a errors=0", text, StringComparison.Ordinal);
    }
}
