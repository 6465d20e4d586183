using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using PortalApp.Common;

namespace PortalApp.Tests.Components;

/// <summary>
/// Render requests made in one go become one render (the records grid and its pager rely on it), and none is lost:
/// the state asked for last is always the one shown.
/// </summary>
public sealed class CoalescedRendersTests : BunitContext
{
    private sealed class Counter : ComponentBase
    {
        private readonly CoalescedRenders renders;

        public Counter() => renders = new CoalescedRenders(StateHasChanged);

        /// <summary>A value the parent passes on each of its renders, so each of them renders this component too.</summary>
        [Parameter] public object? FromParent { get; set; }

        public int Value { get; private set; }

        public int Renders { get; private set; }

        public void Set(int value)
        {
            Value = value;
            StateHasChanged();
        }

        public override Task SetParametersAsync(ParameterView parameters) => renders.FromParentAsync(() => base.SetParametersAsync(parameters));

        protected override bool ShouldRender() => renders.ShouldRender();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            Renders++;
            builder.AddContent(0, $"value {Value}");
        }
    }

    private sealed class Parent : ComponentBase
    {
        public Counter Child { get; private set; } = null!;

        public void Rerender() => StateHasChanged();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<Counter>(0);
            builder.AddComponentParameter(1, nameof(Counter.FromParent), new object());
            builder.AddComponentReferenceCapture(2, c => Child = (Counter)c);
            builder.CloseComponent();
        }
    }

    [Fact]
    public async Task ThreeRequestsInOneGoRenderOnceWithTheLastState()
    {
        var cut = Render<Counter>();
        var counter = cut.Instance;

        await cut.InvokeAsync(() =>
        {
            counter.Set(1);
            counter.Set(2);
            counter.Set(3);
        });

        cut.WaitForAssertion(() => Assert.Contains("value 3", cut.Markup, StringComparison.Ordinal));
        await Task.Delay(200);
        Assert.Equal(2, counter.Renders);
    }

    [Fact]
    public async Task ARequestMadeAfterTheParentRenderedIsStillShown()
    {
        var cut = Render<Parent>();
        var counter = cut.Instance.Child;

        // The parent's render shows 1; the request for 2 comes while the deferred render for 1 is still queued.
        await cut.InvokeAsync(() =>
        {
            counter.Set(1);
            cut.Instance.Rerender();
            counter.Set(2);
        });

        cut.WaitForAssertion(() => Assert.Contains("value 2", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }
}
