namespace PortalApp.Components;

/// <summary>
/// Turns a component's render requests made in one go into one render on the renderer's next turn. Blazor renders at
/// once when a component asks outside a render batch, so a component that asks several times while it handles one
/// event renders, diffs and sends its whole subtree each time. A render its parent causes is not held back: it is
/// part of the parent's batch, and it shows whatever was asked for before it.
/// When the deferred render is due, the component may say its state is not worth showing yet
/// (<paramref name="waitBeforeRendering"/>): it renders after that wait, unless it has rendered meanwhile. A child
/// whose parent is about to render anyway leaves its render to the parent (<paramref name="parentPending"/>).
/// </summary>
/// <param name="render">The component's <c>StateHasChanged</c>.</param>
/// <param name="waitBeforeRendering">How long the component's current state may go unshown; zero for at once.</param>
/// <param name="parentPending">Whether the parent has a render of its own coming, which renders this component too.</param>
public sealed class CoalescedRenders(Action render, Func<TimeSpan> waitBeforeRendering, Func<bool>? parentPending = null)
{
    private bool due;
    private bool queued;
    private bool waiting;
    private int renders;
    private int rendersAtLastAsk;

    /// <summary>Whether a deferred render is coming.</summary>
    public bool Pending => queued || waiting;

    /// <summary>The component's <c>SetParametersAsync</c>, around the base one: the render it causes is not held back.</summary>
    public Task FromParentAsync(Func<Task> setParameters)
    {
        due = true;
        try
        {
            return setParameters();
        }
        finally
        {
            due = false;
        }
    }

    /// <summary>The component's <c>ShouldRender</c>: true for a render its parent causes and for the deferred one.</summary>
    public bool ShouldRender()
    {
        if (due)
        {
            renders++;
            return true;
        }
        rendersAtLastAsk = renders;
        if (!queued)
        {
            queued = true;
            _ = RenderSoonAsync();
        }
        return false;
    }

    private async Task RenderSoonAsync()
    {
        // Both awaits continue on the renderer's synchronization context, after the work that asked has finished.
        await Task.Yield();
        queued = false;
        var wait = waitBeforeRendering();
        if (wait > TimeSpan.Zero)
        {
            waiting = true;
            await Task.Delay(wait);
            waiting = false;
        }
        // Skipped when a render after the latest request has shown its state already, or another one is on its way.
        if (renders != rendersAtLastAsk || queued || parentPending?.Invoke() == true)
        {
            return;
        }
        due = true;
        try
        {
            render();
        }
        finally
        {
            due = false;
        }
    }
}
