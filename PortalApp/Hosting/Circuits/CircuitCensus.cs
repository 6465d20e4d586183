using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PortalApp.Hosting.Circuits;

/// <summary>Counts circuits the way the server holds them: open (connected or retained after a drop) and connected.</summary>
public sealed class CircuitCensus
{
    private int open;
    private int connected;

    public int Open => Volatile.Read(ref open);
    public int Connected => Volatile.Read(ref connected);

    public sealed class Handler(CircuitCensus census) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => Add(ref census.open, 1);

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => Add(ref census.open, -1);

        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => Add(ref census.connected, 1);

        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => Add(ref census.connected, -1);

        private static Task Add(ref int count, int delta)
        {
            Interlocked.Add(ref count, delta);
            return Task.CompletedTask;
        }
    }
}
