using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace PortalApp.Components.Shared;

/// <summary>
/// Keeps the circuit alive when a page throws: the user sees a friendly message with a reference,
/// and the server log holds the exception under the same reference.
/// </summary>
public sealed class PortalErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<PortalErrorBoundary> Logger { get; set; } = default!;

    private string reference = "";

    protected override Task OnErrorAsync(Exception exception)
    {
        reference = Guid.NewGuid().ToString("N")[..12];
        Logger.LogError(exception, "Unhandled error on a page, reference {Reference}", reference);
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }
        builder.OpenComponent<MudAlert>(1);
        builder.AddComponentParameter(2, nameof(MudAlert.Severity), Severity.Error);
        builder.AddAttribute(3, "data-testid", "page-error");
        builder.AddComponentParameter(4, nameof(MudAlert.ChildContent), (RenderFragment)(b =>
            b.AddContent(0, $"Something went wrong on this page and nothing was changed. Reference: {reference}. Go back to the dashboard or reload the page.")));
        builder.CloseComponent();
    }
}
