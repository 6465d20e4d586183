using System.Collections.Concurrent;

namespace PortalApp.Live;

public enum BallotChangeKind
{
    Opened,
    VoteCast,
    Decided,
    AgreementChanged,
}

/// <summary>What changed; listeners reload what they show through their own services.</summary>
public sealed record BallotChange(BallotChangeKind Kind, int AgreementId, int? BallotId);

/// <summary>
/// In-process publish/subscribe for live views: every circuit showing a ballot, an agreement, the dashboard or
/// the bell subscribes, and disposes its subscription when the component (and so the circuit) goes away.
/// Published only after the change has committed.
/// </summary>
public sealed class BallotNotifier(ILogger<BallotNotifier> logger)
{
    private readonly ConcurrentDictionary<Guid, Func<BallotChange, Task>> listeners = new();

    public int ListenerCount => listeners.Count;

    public IDisposable Subscribe(Func<BallotChange, Task> listener)
    {
        var id = Guid.NewGuid();
        listeners[id] = listener;
        return new Subscription(() => listeners.TryRemove(id, out _));
    }

    /// <summary>Raised for every change published on this instance, so it can be relayed to other instances.</summary>
    public event Action<BallotChange>? Published;

    public void Publish(BallotChange change)
    {
        Deliver(change);
        Published?.Invoke(change);
    }

    /// <summary>Hands a change to this instance's listeners only (a change relayed from another instance).</summary>
    public void Deliver(BallotChange change)
    {
        foreach (var listener in listeners.Values)
        {
            _ = NotifyAsync(listener, change);
        }
    }

    private async Task NotifyAsync(Func<BallotChange, Task> listener, BallotChange change)
    {
        try
        {
            await Task.Yield();
            await listener(change);
        }
        catch (Exception ex)
        {
            // One broken circuit must not stop the others from hearing about the change.
            logger.LogWarning(ex, "A ballot listener failed on {Change}.", change);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
