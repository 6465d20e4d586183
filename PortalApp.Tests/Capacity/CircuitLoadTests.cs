using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Ballots;
using Portal.Bench.Capacity;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Capacity;

/// <summary>The headless circuit client against the real portal: a small real run, no timing assertions.</summary>
public sealed class CircuitLoadTests(CircuitLoadTests.Host host) : IClassFixture<CircuitLoadTests.Host>
{
    /// <summary>Its own portal and database: the fan-out test casts a vote on the demo ballot.</summary>
    public sealed class Host : PortalHost;

    [Fact]
    public async Task FiveCircuitsStartRenderAndAnswerAClickWithoutErrors()
    {
        using var sessions = new PortalSessions(new Uri(host.BaseUrl), DemoAccounts.Password);
        var session = await sessions.ForAsync("clerk@portal.local");
        var circuits = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => CircuitClient.OpenAsync(session, "/")));
        try
        {
            Assert.All(circuits, c => Assert.False(string.IsNullOrEmpty(c.CircuitId)));
            Assert.Equal(5, circuits.Select(c => c.CircuitId).Distinct().Count());
            foreach (var circuit in circuits)
            {
                await circuit.WaitForAsync("aria-label=Toggle navigation");
                var batchesBefore = circuit.BatchesReceived;
                await circuit.ClickAsync("aria-label=Toggle navigation");
                Assert.True(circuit.BatchesReceived > batchesBefore, "the click produced no render batch");
            }
            await circuits[0].NavigateAsync("/records", b => b.Carries("records-grid"));
            Assert.All(circuits, c => Assert.Empty(c.Errors));
        }
        finally
        {
            await Task.WhenAll(circuits.Select(async c =>
            {
                await c.CloseAsync(sayGoodbye: true);
                await c.DisposeAsync();
            }));
        }
    }

    [Fact]
    public async Task AVoteCastThroughTheServiceReachesEveryWatchingCircuit()
    {
        using var sessions = new PortalSessions(new Uri(host.BaseUrl), DemoAccounts.Password);
        var watchers = new List<CircuitClient>();
        try
        {
            foreach (var account in new[] { "da@portal.local", "courts@portal.local", "solicitor@portal.local", "auditor@portal.local" })
            {
                var watcher = await CircuitClient.OpenAsync(await sessions.ForAsync(account), "/ballots/1");
                await watcher.WaitForAsync("text=Open for votes", "keydown");
                watchers.Add(watcher);
            }
            const string rationale = "Capacity test: the City abstains for now.";
            var arrivals = watchers.Select(w => w.NextBatchAsync(b => b.Carries(rationale))).ToList();

            await using (var scope = await host.ScopeAsAsync("city@portal.local"))
            {
                var result = await scope.ServiceProvider.GetRequiredService<BallotService>()
                    .CastVoteAsync(new VoteRequest(1, Party.City, VoteChoice.Abstain, rationale));
                Assert.True(result.Succeeded, result.Message);
            }

            await Task.WhenAll(arrivals).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.All(watchers, w => Assert.Empty(w.Errors));
        }
        finally
        {
            await Task.WhenAll(watchers.Select(async w =>
            {
                await w.CloseAsync(sayGoodbye: true);
                await w.DisposeAsync();
            }));
        }
    }

    [Fact]
    public void TheBenchVerbWithCircuitsIsTheCapacityBench()
    {
        Assert.Equal("capacity", Portal.Bench.BenchVerbs.VerbOf(["bench", "--circuits", "5"]));
        Assert.Equal("capacity", Portal.Bench.BenchVerbs.VerbOf(["capacity", "--circuits", "5"]));
        Assert.Equal("bench", Portal.Bench.BenchVerbs.VerbOf(["bench"]));
        var options = CapacityOptions.Parse(["--circuits", "1000", "--watchers", "200", "--goodbye"]);
        Assert.Equal(1000, options.Circuits);
        Assert.Equal(200, options.Watchers);
        Assert.True(options.Goodbye);
        Assert.Throws<ArgumentException>(() => CapacityOptions.Parse(["--circuits", "0"]));
    }
}
