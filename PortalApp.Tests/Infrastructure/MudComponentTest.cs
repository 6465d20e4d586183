using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// bUnit with MudBlazor: loose JS interop and Mud services. Register any other services first, then
/// call <see cref="RenderWithMud{T}"/>, which renders the popover provider before the component.
/// </summary>
public abstract class MudComponentTest : BunitContext, IAsyncLifetime
{
    protected MudComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    protected IRenderedComponent<T> RenderWithMud<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        Render<MudPopoverProvider>();
        return parameters is null ? Render<T>() : Render(parameters);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's PopoverService is only IAsyncDisposable.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
