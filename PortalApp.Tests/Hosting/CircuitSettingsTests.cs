using System.Globalization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hosting;

/// <summary>The circuit and hub settings the running portal uses are the ones docs/capacity.md's "Circuit settings" table gives.</summary>
[Collection(AppCollection.Name)]
public sealed class CircuitSettingsTests(PortalHost host)
{
    [Fact]
    public void TheRunningPortalsCircuitAndHubSettingsAreTheDocumentedOnes()
    {
        var circuit = host.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        // The Blazor hub's options are HubOptions<ComponentHub>; ComponentHub is internal to the framework.
        var componentHub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var hubOptions = (IOptions<HubOptions>)host.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(componentHub)));
        var running = new Dictionary<string, string>
        {
            ["DisconnectedCircuitMaxRetained"] = Count(circuit.DisconnectedCircuitMaxRetained),
            ["DisconnectedCircuitRetentionPeriod"] = Span(circuit.DisconnectedCircuitRetentionPeriod),
            ["PersistedCircuitInMemoryRetentionPeriod"] = Span(circuit.PersistedCircuitInMemoryRetentionPeriod),
            ["PersistedCircuitInMemoryMaxRetained"] = Count(circuit.PersistedCircuitInMemoryMaxRetained),
            ["MaxBufferedUnacknowledgedRenderBatches"] = Count(circuit.MaxBufferedUnacknowledgedRenderBatches),
            ["MaximumReceiveMessageSize"] = $"{hubOptions.Value.MaximumReceiveMessageSize / 1024} KB",
            ["JSInteropDefaultCallTimeout"] = Span(circuit.JSInteropDefaultCallTimeout),
        };

        var documented = DocumentedValues();
        foreach (var (setting, value) in running)
        {
            Assert.True(documented.TryGetValue(setting, out var text), $"{setting} is not in the circuit settings table of docs/capacity.md");
            Assert.True(text == value || text.StartsWith(value + " (", StringComparison.Ordinal), $"{setting}: the portal runs with {value}, docs/capacity.md says {text}");
        }
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan? span) => span switch
    {
        { TotalMinutes: >= 1 } s => $"{s.TotalMinutes:0} min",
        { } s => $"{s.TotalSeconds:0} s",
        null => "none",
    };

    /// <summary>The first two cells of each row of the table under "## Circuit settings".</summary>
    private static Dictionary<string, string> DocumentedValues()
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf("docs", "capacity.md"));
        return lines.SkipWhile(l => l != "## Circuit settings").Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1], cells => cells[2]);
    }
}
