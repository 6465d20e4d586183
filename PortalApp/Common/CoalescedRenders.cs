namespace PortalApp.Common;

/// <summary>
/// Turns a component's render requests made in one go into one render on the renderer's next turn. Blazor renders at
/// once when a component asks outside a render batch, so a component that asks several times while it handles one
/// event renders, diffs and sends its whole subtree each time. A render its parent causes is not held back: it is
/// part of the parent's batch. No request goes unshown: the deferred render is skipped only when a render made after
/// the latest request has shown that state already, or when another deferred render is on its way.
/// </summary>
/// <param name="render">The component's <c>StateHasChanged</c>.</param>
public sealed class CoalescedRenders(Action render)
{
    private bool due;
    private bool queued;
    private int renders;
    private int rendersAtLastAsk;

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
        // Continues on the renderer's synchronization context, after the work that asked has finished.
        await Task.Yield();
        queued = false;
        if (renders != rendersAtLastAsk)
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
