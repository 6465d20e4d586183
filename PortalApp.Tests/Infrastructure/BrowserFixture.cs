using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright; nothing is downloaded.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // The suite starts a dozen portals at once on two cores; a first vote or search can take several seconds then.
        // Assertions that prove liveness pass their own short timeouts.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public Task<IPage> NewPageAsync(string? storageState = null) =>
        NewPageInAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 850 }, StorageState = storageState });

    /// <summary>A page in a phone-sized touch viewport (390 × 844).</summary>
    public Task<IPage> NewPhonePageAsync(string? storageState = null) =>
        NewPageInAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, StorageState = storageState });

    private async Task<IPage> NewPageInAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    private readonly ConcurrentDictionary<(string BaseUrl, string Email), Lazy<Task<string>>> signedIn = new();

    /// <summary>
    /// The cookies of a sign-in as <paramref name="email"/>, made once per fixture through the real form, for
    /// <see cref="NewPageAsync"/>: for tests that look at pages and change no account, so a copy of one session serves.
    /// </summary>
    public Task<string> SignedInStateAsync(string baseUrl, string email) =>
        signedIn.GetOrAdd((baseUrl, email), key => new Lazy<Task<string>>(async () =>
        {
            var page = await NewPageAsync();
            await SignIn.AsAsync(page, key.BaseUrl, key.Email);
            var state = await page.Context.StorageStateAsync();
            await page.Context.CloseAsync();
            return state;
        })).Value;

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}
