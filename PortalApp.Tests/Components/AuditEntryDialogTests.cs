using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Components;

[Collection(AppCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class AuditEntryDialogTests(PortalHost host, BrowserFixture browser)
{
    [Fact]
    public async Task EscapeClosesAnAccessLogEntrysDialog()
    {
        var page = await browser.NewPageAsync(await browser.SignedInStateAsync(host.BaseUrl, "auditor@portal.local"));
        await Interactive.GotoAsync(page, host.BaseUrl + "/audit");
        await page.Locator("[data-testid^=details-]").First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByTestId("entry-hash")).ToBeVisibleAsync();

        // MudBlazor hooks its key handler a moment after the dialog shows: a person's Esc comes later than a script's.
        for (var attempt = 0; attempt < 10 && await dialog.CountAsync() > 0; attempt++)
        {
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForTimeoutAsync(300);
        }

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
