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

    private static ViewportSize Desktop => new() { Width = 1366, Height = 850 };

    public Task<IPage> NewPageAsync(string? storageState = null) =>
        NewPageInAsync(new BrowserNewContextOptions { ViewportSize = Desktop, StorageState = storageState });

    /// <summary>A page in a phone-sized touch viewport (390 × 844).</summary>
    public Task<IPage> NewPhonePageAsync(string? storageState = null) =>
        NewPageInAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, StorageState = storageState });

    public async Task<IPage> NewPageInAsync(BrowserNewContextOptions options)
    {
        var context = await NewContextAsync(options);
        return await context.NewPageAsync();
    }

    /// <summary>A page as <see cref="NewPageAsync"/> makes, but with the portal's animations (see <see cref="NewContextAsync"/>).</summary>
    public Task<IPage> NewMovingPageAsync() =>
        NewPageInAsync(new BrowserNewContextOptions { ViewportSize = Desktop, ReducedMotion = ReducedMotion.NoPreference });

    /// <summary>
    /// A browser context as a person who asked their system for reduced motion has, unless the options say otherwise:
    /// the portal then shows dialogs, snackbars and ripples in their end state (app.css). Opening and closing a dialog
    /// so costs Chromium less than half the CPU it takes with the animations, which it draws in software, frame by frame;
    /// Chromium is two thirds of the test run's CPU. <see cref="NewMovingPageAsync"/> keeps the animations, for the
    /// tests that use the portal as most people see it.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        options.ReducedMotion ??= ReducedMotion.Reduce;
        return Browser.NewContextAsync(options);
    }

    private readonly ConcurrentDictionary<(string BaseUrl, string Email), Lazy<Task<string>>> signedIn = new();

    /// <summary>
    /// The cookies of a sign-in as <paramref name="email"/>, made through the real form and kept per fixture, for
    /// <see cref="NewPageAsync"/>: for tests that look at pages and change no account, so a copy of one session serves.
    /// A kept session that has ended since (another test signed that account out, which ends all its sessions, or moved
    /// the portal's clock past the idle time) is replaced by a new sign-in.
    /// </summary>
    public async Task<string> SignedInStateAsync(string baseUrl, string email)
    {
        var key = (baseUrl, email);
        var kept = signedIn.GetOrAdd(key, k => new Lazy<Task<string>>(() => SignInStateAsync(k.BaseUrl, k.Email)));
        var state = await kept.Value;
        if (await StillSignedInAsync(baseUrl, state))
        {
            return state;
        }
        var fresh = new Lazy<Task<string>>(() => SignInStateAsync(baseUrl, email));
        return await signedIn.AddOrUpdate(key, fresh, (_, current) => current == kept ? fresh : current).Value;
    }

    private async Task<string> SignInStateAsync(string baseUrl, string email)
    {
        var page = await NewPageAsync();
        await SignIn.AsAsync(page, baseUrl, email);
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }

    /// <summary>Asked with Playwright's HTTP client, not a browser context: a context costs Chromium about a CPU-second.</summary>
    private async Task<bool> StillSignedInAsync(string baseUrl, string state)
    {
        await using var request = await playwright!.APIRequest.NewContextAsync(new() { StorageState = state });
        var response = await request.GetAsync($"{baseUrl}/", new() { MaxRedirects = 0 });
        return response.Status == 200;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}
