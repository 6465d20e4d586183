using System.Diagnostics;
using System.Globalization;
using System.Net;
using PortalApp.Hosting;

namespace Portal.Bench.Capacity;

/// <summary>One run of the bench against one portal: warm up, baseline, ramp, steady state, act, fan out, leave, recover.</summary>
public sealed class CapacityRun(CapacityOptions options, PortalUnderTest portal, TextWriter progress)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private readonly List<(CircuitClient Client, Scenario Scenario)> circuits = [];
    private readonly List<string> startFailures = [];

    public async Task<CapacityReport> RunAsync()
    {
        using var sessions = new PortalSessions(portal.BaseUri, options.Password);
        var scenarios = CapacityScenarios.Select(options.Scenario, await AvailableAsync(sessions, CapacityScenarios.All));
        var report = new CapacityReport
        {
            Circuits = options.Circuits,
            Scenarios = string.Join(" + ", scenarios.Select(s => $"{s.Name} ({s.Path})")),
            Portal = portal.ProcessId is { } pid
                ? $"pid {pid.ToString(CultureInfo.InvariantCulture)} at {portal.BaseUri} (Release, log {portal.LogPath})"
                : portal.BaseUri.ToString(),
        };

        Say($"warming up {string.Join(", ", scenarios.Select(s => s.Name))}");
        await WarmUpAsync(sessions, scenarios);
        await Task.Delay(Settle);
        report.Baseline = await RecordAsync(report, "baseline (signed in, warmed up, no circuits)", collect: true);
        await HoldAsync("baseline");

        Say($"opening {options.Circuits} circuits, {options.RampConcurrency} at a time");
        var ramp = Stopwatch.StartNew();
        await OpenAllAsync(sessions, scenarios);
        report.RampTime = ramp.Elapsed;
        report.Started = circuits.Count;
        await Task.Delay(Settle);
        report.Steady = await RecordAsync(report, "steady state (all circuits open, idle)", collect: true);
        await HoldAsync("steady state");

        Say($"acting for {options.ActFor.TotalSeconds:0} s (think time {options.Think.TotalMilliseconds:0} ms)");
        await ActAsync(report);
        await RecordAsync(report, "after acting (no forced collection)", collect: false);

        await FanOutAsync(sessions, report);

        report.BatchesReceived = circuits.Sum(c => (long)c.Client.BatchesReceived);
        report.BytesReceived = circuits.Sum(c => c.Client.BytesReceived);
        var errors = circuits.SelectMany(c => c.Client.Errors).Concat(startFailures).ToList();
        report.CircuitErrors = errors.Count;
        report.ErrorSamples.AddRange(errors.Distinct().Take(5));

        Say($"closing every circuit ({(options.Goodbye ? "tabs closed: disconnect beacon" : "connections dropped: no beacon")})");
        await Task.WhenAll(circuits.Select(c => CloseAsync(c.Client, options.Goodbye)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await RecordAsync(report, "just after the clients left", collect: true);
        await WatchRecoveryAsync(report);
        await HoldAsync("after the recovery watch");
        report.ServerLogErrors = portal.ServerErrors;
        return report;
    }

    private async Task<IReadOnlyList<Scenario>> AvailableAsync(PortalSessions sessions, IReadOnlyList<Scenario> all)
    {
        var available = new List<Scenario>();
        foreach (var scenario in all)
        {
            if (await PageExistsAsync(sessions, scenario.Account, scenario.Path))
            {
                available.Add(scenario);
            }
        }
        return available;
    }

    private static async Task<bool> PageExistsAsync(PortalSessions sessions, string account, string path)
    {
        var session = await sessions.ForAsync(account);
        using var response = await session.Http.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>
    /// Enough rounds that every action's code runs more than the 30 calls after which .NET recompiles it optimized
    /// (tiered compilation), as on a portal that has served for a while; then a pause for that recompilation to finish.
    /// Without it the first seconds of acting measured the JIT, not the portal.
    /// </summary>
    private static async Task WarmUpAsync(PortalSessions sessions, IReadOnlyList<Scenario> scenarios)
    {
        const int Users = 8, Rounds = 6;
        foreach (var scenario in scenarios)
        {
            await Task.WhenAll(Enumerable.Range(0, Users).Select(async _ =>
            {
                var client = await CircuitClient.OpenAsync(await sessions.ForAsync(scenario.Account), scenario.Path);
                await client.WaitForAsync(scenario.ReadyElement, scenario.ReadyEvent);
                for (var i = 0; i < scenario.Actions.Count * Rounds; i++)
                {
                    await scenario.Actions[i % scenario.Actions.Count].RunAsync(client, i);
                }
                await client.CloseAsync(sayGoodbye: true);
                await client.DisposeAsync();
            }));
        }
    }

    private async Task OpenAllAsync(PortalSessions sessions, IReadOnlyList<Scenario> scenarios)
    {
        using var gate = new SemaphoreSlim(options.RampConcurrency);
        var opened = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Circuits).Select(async i =>
        {
            var scenario = scenarios[i % scenarios.Count];
            await gate.WaitAsync();
            try
            {
                var client = await CircuitClient.OpenAsync(await sessions.ForAsync(scenario.Account), scenario.Path);
                lock (circuits)
                {
                    circuits.Add((client, scenario));
                }
                await client.WaitForAsync(scenario.ReadyElement, scenario.ReadyEvent);
                if (Interlocked.Increment(ref opened) % 100 == 0)
                {
                    Say($"  {opened} circuits open");
                }
            }
            catch (Exception ex) when (ex is CircuitException or HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                lock (startFailures)
                {
                    startFailures.Add($"start: {ex.Message}");
                }
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private async Task ActAsync(CapacityReport report)
    {
        var before = await portal.ReadAsync(collect: false);
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(circuits.Select((c, i) => UserLoopAsync(c.Client, c.Scenario, new Random(i), report, clock)));
        report.ActedFor = clock.Elapsed;
        var after = await portal.ReadAsync(collect: false);
        if (before is not null && after is not null)
        {
            report.ServerCpuPercent = (after.CpuMs - before.CpuMs) / clock.Elapsed.TotalMilliseconds * 100;
            report.ActingGc = (after.GcPauseMs - before.GcPauseMs, after.Gen0Collections - before.Gen0Collections,
                after.Gen1Collections - before.Gen1Collections, after.Gen2Collections - before.Gen2Collections);
            report.AllocatedWhileActing = after.AllocatedBytes - before.AllocatedBytes;
        }
        report.ClientCpuPercent = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalMilliseconds / clock.Elapsed.TotalMilliseconds * 100;
    }

    private async Task UserLoopAsync(CircuitClient client, Scenario scenario, Random random, CapacityReport report, Stopwatch clock)
    {
        var until = Stopwatch.GetTimestamp() + (long)(options.ActFor.TotalSeconds * Stopwatch.Frequency);
        var step = 0;
        // Users do not all click at the same instant: each starts somewhere within one think time.
        await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * options.Think.TotalMilliseconds));
        while (Stopwatch.GetTimestamp() < until && client.Errors.Count == 0)
        {
            var action = scenario.Actions[step++ % scenario.Actions.Count];
            try
            {
                var startedAt = clock.Elapsed;
                var elapsed = await action.RunAsync(client, step);
                report.Actions.Add(action.Name, elapsed);
                report.ActionsByWindow.Add(CapacityReport.Window(startedAt), elapsed);
            }
            catch (CircuitException)
            {
                // Recorded in the client's errors; this user stops, as a person facing a broken page would.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(options.Think.TotalMilliseconds * (0.5 + random.NextDouble())));
        }
    }

    private async Task FanOutAsync(PortalSessions sessions, CapacityReport report)
    {
        var fanout = CapacityScenarios.Ballot;
        if (options.Watchers == 0 || !await PageExistsAsync(sessions, fanout.VoterAccount, fanout.Path))
        {
            report.FanoutNote = "n/a: no ballot page on this portal";
            return;
        }
        Say($"vote fan-out: {options.Watchers} watchers on {fanout.Path}, {options.Votes} votes");
        var watchers = new List<CircuitClient>();
        try
        {
            for (var i = 0; i < options.Watchers; i++)
            {
                var watcher = await CircuitClient.OpenAsync(await sessions.ForAsync(fanout.WatcherAccounts[i % fanout.WatcherAccounts.Count]), fanout.Path);
                watchers.Add(watcher);
                await watcher.WaitForAsync(fanout.WatcherReady.Element, fanout.WatcherReady.Event);
            }
            var voter = await CircuitClient.OpenAsync(await sessions.ForAsync(fanout.VoterAccount), fanout.Path);
            await voter.WaitForAsync(fanout.VoterReady);
            for (var vote = 1; vote <= options.Votes; vote++)
            {
                var n = vote;
                await fanout.PrepareAsync(voter, vote);
                var arrivals = watchers.Select(w => w.NextBatchAsync(b => fanout.Shows(b, n))).ToList();
                var cast = Stopwatch.GetTimestamp();
                await fanout.CastAsync(voter, vote);
                foreach (var arrived in await Task.WhenAll(arrivals).WaitAsync(TimeSpan.FromSeconds(30)))
                {
                    report.Fanout.Add("vote", Stopwatch.GetElapsedTime(cast, arrived));
                }
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
            report.FanoutNote = $"{options.Watchers} watchers × {options.Votes} votes";
            await voter.CloseAsync(sayGoodbye: true);
        }
        catch (Exception ex) when (ex is CircuitException or TimeoutException or HttpRequestException)
        {
            startFailures.Add($"fan-out: {ex.Message}");
            report.FanoutNote = $"failed: {ex.Message}";
        }
        finally
        {
            startFailures.AddRange(watchers.SelectMany(w => w.Errors));
            await Task.WhenAll(watchers.Select(w => CloseAsync(w, sayGoodbye: true)));
        }
    }

    private async Task WatchRecoveryAsync(CapacityReport report)
    {
        if (report.Baseline is not { } baseline)
        {
            return;
        }
        var watch = options.RecoveryWatch ?? TimeSpan.FromMinutes(4);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var reading = await portal.ReadAsync(collect: true);
            var within = reading is not null && Recovered(reading, baseline);
            if (within || clock.Elapsed >= watch)
            {
                var trims = reading is null ? "" : $"; the portal trimmed memory {reading.MemoryTrims} time(s) since it started";
                report.Memory.Add(($"{clock.Elapsed.TotalSeconds:0} s after leaving", reading, (within ? "within 10% of baseline" : "still above baseline + 10%") + trims));
                report.Recovery = within
                    ? $"within 10% of the baseline {clock.Elapsed.TotalSeconds:0} s after the clients left"
                    : $"not within 10% of the baseline after {clock.Elapsed.TotalSeconds:0} s";
                return;
            }
            Say($"  {clock.Elapsed.TotalSeconds:0} s: {reading?.CircuitsOpen} circuits retained, heap {reading?.ManagedHeapBytes / 1048576.0:0.0} MB, working set {reading?.WorkingSetBytes / 1048576.0:0.0} MB");
            await Task.Delay(TimeSpan.FromSeconds(15));
        }
    }

    /// <summary>
    /// Back within 10% of the baseline: the managed heap, and the anonymous resident memory (what the GC and native
    /// caches hold). The rest of the working set is code and mapped assemblies, paged in once as new code paths run
    /// (the act and fan-out phases, tier-1 recompilation under load) and kept for the life of the process whatever
    /// the circuits do, so it is reported but not part of the test. Without the anonymous figure, the whole working set.
    /// </summary>
    private static bool Recovered(ProbeReading reading, ProbeReading baseline) =>
        reading.ManagedHeapBytes <= baseline.ManagedHeapBytes * 1.10
        && (baseline.AnonymousBytes > 0
            ? reading.AnonymousBytes <= baseline.AnonymousBytes * 1.10
            : reading.WorkingSetBytes <= baseline.WorkingSetBytes * 1.10);

    private async Task<ProbeReading?> RecordAsync(CapacityReport report, string phase, bool collect)
    {
        var reading = await portal.ReadAsync(collect);
        report.Memory.Add((phase, reading, reading is null ? "the portal maps no probe" : collect ? "after a full collection" : ""));
        return reading;
    }

    private static async Task CloseAsync(CircuitClient client, bool sayGoodbye)
    {
        try
        {
            await client.CloseAsync(sayGoodbye);
        }
        finally
        {
            await client.DisposeAsync();
        }
    }

    private async Task HoldAsync(string phase)
    {
        if (options.Hold > TimeSpan.Zero)
        {
            Say($"holding {phase} for {options.Hold.TotalSeconds:0} s (portal pid {portal.ProcessId})");
            await Task.Delay(options.Hold);
        }
    }

    private void Say(string line) => progress.WriteLine(line);
}
