using Microsoft.AspNetCore.Components;
using MudBlazor;
using PortalApp.Common;
using PortalApp.Masking;

namespace PortalApp.Records;

/// <summary>
/// The records grid: a <see cref="MudDataGrid{T}"/> whose back-to-back renders are drawn once. On a page turn the
/// grid asks to render four times in a row (the page index, the loading state, the new rows, its grouping pass), each
/// time with every row; here the requests made in one go become one render (<see cref="CoalescedRenders"/>).
/// </summary>
public sealed class RecordsGrid : MudDataGrid<RecordRow>
{
    private readonly CoalescedRenders renders;

    public RecordsGrid() => renders = new CoalescedRenders(StateHasChanged);

    public override Task SetParametersAsync(ParameterView parameters) => renders.FromParentAsync(() => base.SetParametersAsync(parameters));

    protected override bool ShouldRender() => renders.ShouldRender() && base.ShouldRender();
}

/// <summary>The records grid's pager, which the grid asks to render after each of its own renders: drawn once likewise.</summary>
public sealed class RecordsGridPager : MudDataGridPager<RecordRow>
{
    private readonly CoalescedRenders renders;

    public RecordsGridPager() => renders = new CoalescedRenders(StateHasChanged);

    public override Task SetParametersAsync(ParameterView parameters) => renders.FromParentAsync(() => base.SetParametersAsync(parameters));

    protected override bool ShouldRender() => renders.ShouldRender() && base.ShouldRender();
}
