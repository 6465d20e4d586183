using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PortalApp.Seeding;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Signs in through the real Identity form, in a browser or with a plain HTTP client.</summary>
public static partial class SignIn
{
    public static Task AsAsync(IPage page, string baseUrl, string email, string password = DemoAccounts.Password) =>
        SubmitAsync(page, $"{baseUrl}/Account/Login", email, password);

    /// <summary>
    /// Signs in from the sign-in page that <paramref name="path"/> would have sent a visitor to, so the portal lands on
    /// it: one page load less than signing in to the home page and going on from there.
    /// </summary>
    public static async Task ToAsync(IPage page, string baseUrl, string email, string path)
    {
        await SubmitAsync(page, $"{baseUrl}/Account/Login?ReturnUrl={Uri.EscapeDataString(path)}", email, DemoAccounts.Password);
        var landed = new Uri(page.Url).PathAndQuery;
        if (landed != path)
        {
            throw new InvalidOperationException($"Signing in as {email} to {path} landed on {landed}.");
        }
    }

    private static async Task SubmitAsync(IPage page, string loginUrl, string email, string password)
    {
        await page.GotoAsync(loginUrl);
        await page.FillAsync("[name='Input.Email']", email);
        await page.FillAsync("[name='Input.Password']", password);
        // The form posts (no enhanced navigation): the portal answers with the form again or a redirect onwards, either
        // way a new document, which lacks the mark set on this one.
        await page.EvaluateAsync("() => window.signInPending = true");
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForFunctionAsync("() => !window.signInPending && document.readyState === 'complete'");
        if (!page.Url.Contains("/Account/", StringComparison.Ordinal))
        {
            await Interactive.WaitAsync(page);
        }
    }

    /// <summary>An HttpClient that does not follow redirects, holding the sign-in cookie of <paramref name="email"/> (or none).</summary>
    /// <summary>
    /// Waits until the page is at sign-in, as an end state rather than one navigation: when a session ends, the idle
    /// script's sign-out post and the circuit's own move to sign-in race, and the later aborts the earlier; both land there.
    /// </summary>
    public static Task ExpectAtSignInAsync(IPage page) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Login"), new() { Timeout = 15_000 });

    public static async Task<HttpClient> ClientAsync(string baseUrl, string? email, string password = DemoAccounts.Password)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        if (email is null)
        {
            return client;
        }
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}.");
        }
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
