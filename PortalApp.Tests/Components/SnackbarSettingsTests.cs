using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Components;

/// <summary>A second refusal with the same text shows its own message, even while the first is still on screen or fading.</summary>
[Collection(AppCollection.Name)]
public sealed class SnackbarSettingsTests(PortalHost host)
{
    private sealed class Navigation : NavigationManager
    {
        public Navigation() => Initialize("http://localhost/", "http://localhost/");
    }

    [Fact]
    public void WithThePortalsSnackbarSettingsTheSameMessageTwiceInARowIsShownTwice()
    {
        // The portal's own configuration; the service is built by hand because a circuit's navigation is not started here.
        using var snackbar = new SnackbarService(new Navigation(), TimeProvider.System, host.Services.GetRequiredService<IOptions<SnackbarConfiguration>>());

        var first = snackbar.Add("The note contains control characters. Nothing was saved.", Severity.Error);
        var second = snackbar.Add("The note contains control characters. Nothing was saved.", Severity.Error);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(2, snackbar.ShownSnackbars.Count());
    }
}
