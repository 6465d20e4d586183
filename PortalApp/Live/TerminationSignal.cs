namespace PortalApp.Live;

/// <summary>Wakes the scheduler when a letter has set a new cut-off.</summary>
public sealed class TerminationSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    /// <summary>Raised on every <see cref="Wake"/> here, so other instances' schedulers can be woken too.</summary>
    public event Action? Raised;

    public void Wake()
    {
        WakeHere();
        Raised?.Invoke();
    }

    /// <summary>Wakes this instance's scheduler only.</summary>
    public void WakeHere()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake; one wake-up is enough.
        }
    }

    internal Task WaitAsync(CancellationToken ct) => signal.WaitAsync(ct);
}
