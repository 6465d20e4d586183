using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Components;

/// <summary>A person whose system asks for reduced motion sees dialogs open without animation; everyone else sees MudBlazor's.</summary>
[Collection(AppCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class ReducedMotionTests(PortalHost host, BrowserFixture browser)
{
    [Theory]
    [InlineData(true, "1e-05s", "none")]
    [InlineData(false, "0.1s", "all, z-index")]
    public async Task ADialogOpensWithoutAnimationOnlyForThoseWhoAskedForLessMotion(bool reduced, string dialogAnimation, string overlayTransition)
    {
        var page = await browser.NewPageInAsync(new BrowserNewContextOptions
        {
            StorageState = await browser.SignedInStateAsync(host.BaseUrl, "admin@portal.local"),
            ReducedMotion = reduced ? ReducedMotion.Reduce : ReducedMotion.NoPreference,
        });
        await Interactive.GotoAsync(page, host.BaseUrl + "/agreements");
        await page.GetByTestId("create-agreement").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();

        Assert.Equal(dialogAnimation, await dialog.EvaluateAsync<string>("e => getComputedStyle(e).animationDuration"));
        Assert.Equal(overlayTransition, await page.Locator(".mud-overlay").First.EvaluateAsync<string>("e => getComputedStyle(e).transitionProperty"));
        await page.Context.CloseAsync();
    }
}
