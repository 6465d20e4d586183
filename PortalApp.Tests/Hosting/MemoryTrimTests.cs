using Microsoft.Extensions.Logging.Abstractions;
using PortalApp.Hosting.Circuits;

namespace PortalApp.Tests.Hosting;

/// <summary>When the portal gives memory back: only after a crowd has left, once per crowd.</summary>
public sealed class MemoryTrimTests
{
    private readonly CircuitCensus census = new();
    private readonly CircuitCensus.Handler handler;
    private readonly MemoryTrim trim;

    public MemoryTrimTests()
    {
        handler = new CircuitCensus.Handler(census);
        trim = new MemoryTrim(census, NullLogger<MemoryTrim>.Instance);
    }

    private async Task OpenAsync(int n)
    {
        for (var i = 0; i < n; i++)
        {
            await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        }
    }

    private async Task CloseAsync(int n)
    {
        for (var i = 0; i < n; i++)
        {
            await handler.OnCircuitClosedAsync(null!, CancellationToken.None);
        }
    }

    [Fact]
    public async Task TrimsOnceAfterACrowdLeavesAndNotWhileItStays()
    {
        await OpenAsync(200);
        Assert.False(trim.Check());
        await CloseAsync(60);
        Assert.False(trim.Check()); // 140 of 200 remain: more than half
        await CloseAsync(130);
        Assert.Equal(10, census.Open);
        Assert.True(trim.Check());
        Assert.False(trim.Check()); // the peak is now the 10 that stayed
        Assert.Equal(1, trim.Trims);
    }

    [Fact]
    public async Task ASmallDropDoesNotTrim()
    {
        await OpenAsync(MemoryTrim.MinimumDrop - 1);
        Assert.False(trim.Check());
        await CloseAsync(MemoryTrim.MinimumDrop - 1);
        Assert.False(trim.Check());
        Assert.Equal(0, trim.Trims);
    }

    [Fact]
    public async Task ConnectedCountsFollowTheConnection()
    {
        await OpenAsync(2);
        await handler.OnConnectionUpAsync(null!, CancellationToken.None);
        await handler.OnConnectionUpAsync(null!, CancellationToken.None);
        await handler.OnConnectionDownAsync(null!, CancellationToken.None);
        Assert.Equal((2, 1), (census.Open, census.Connected));
    }
}
