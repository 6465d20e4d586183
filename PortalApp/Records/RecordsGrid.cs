using Microsoft.AspNetCore.Components;
using MudBlazor;
using PortalApp.Components;

namespace PortalApp.Records;

/// <summary>
/// The records grid: a <see cref="MudDataGrid{T}"/> whose back-to-back renders are drawn once. On a page turn the
/// grid asks to render four times in a row (the page index, the loading state, the new rows, its grouping pass), each
/// time with every row, and its pager once more after each. Here they become one render (<see cref="CoalescedRenders"/>);
/// and while rows are showing, the loading state is drawn only if the next rows take longer than
/// <see cref="LoadingDelay"/>, so a quick page turn goes straight from one page's rows to the next.
/// </summary>
public sealed class RecordsGrid : MudDataGrid<RecordRow>
{
    internal static readonly TimeSpan LoadingDelay = TimeSpan.FromMilliseconds(300);

    private readonly CoalescedRenders renders;

    public RecordsGrid() => renders = new CoalescedRenders(StateHasChanged, () => LoadingOverRows ? LoadingDelay : TimeSpan.Zero);

    internal bool LoadingOverRows => Loading && ServerItems?.Any() == true;

    internal bool RenderPending => renders.Pending;

    public override Task SetParametersAsync(ParameterView parameters) => renders.FromParentAsync(() => base.SetParametersAsync(parameters));

    protected override bool ShouldRender() => renders.ShouldRender() && base.ShouldRender();
}

/// <summary>
/// The records grid's pager: its renders drawn once, and its caption shown with the rows it counts: the grid asks the
/// pager to render before it renders itself, and renders the pager again with its rows.
/// </summary>
public sealed class RecordsGridPager : MudDataGridPager<RecordRow>
{
    private readonly CoalescedRenders renders;

    public RecordsGridPager() =>
        renders = new CoalescedRenders(StateHasChanged,
            () => DataGrid is RecordsGrid { LoadingOverRows: true } ? RecordsGrid.LoadingDelay : TimeSpan.Zero,
            () => DataGrid is RecordsGrid { RenderPending: true });

    public override Task SetParametersAsync(ParameterView parameters) => renders.FromParentAsync(() => base.SetParametersAsync(parameters));

    protected override bool ShouldRender() => renders.ShouldRender() && base.ShouldRender();
}
