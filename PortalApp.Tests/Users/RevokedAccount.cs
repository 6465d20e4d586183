using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data.Entities;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Users;

/// <summary>What the revocation tests look for once an account was changed: its page dark, its cookie refused.</summary>
public static class RevokedAccount
{
    /// <summary>
    /// The promise of DESIGN.md, invariant 7: a revoked account's open page stops showing data within seconds. The 2 s
    /// revalidation ends it in about 4 s on an idle machine; the bound leaves room for a 2-core machine running the
    /// whole suite, and still fails any mechanism slower than seconds (the circuit's own check is 30 minutes).
    /// </summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>Waits for the page to leave its data for the sign-in form or the not-authorized notice; the time it took.</summary>
    public static async Task<TimeSpan> WaitUntilDarkAsync(IPage page, string dataSelector, Stopwatch since)
    {
        await page.WaitForFunctionAsync(
            "sel => document.querySelectorAll(sel).length === 0 && (location.pathname.startsWith('/Account/Login') || document.querySelector('[data-testid=not-authorized]') !== null)",
            dataSelector, new PageWaitForFunctionOptions { Timeout = 15_000, PollingInterval = 50 });
        var took = since.Elapsed;
        Assert.True(took < Deadline, $"the page went dark after {took.TotalSeconds:0.0} s, not within {Deadline.TotalSeconds} s");
        return took;
    }

    /// <summary>A plain HTTP client carrying the browser's cookies as they were (copied before the change).</summary>
    public static async Task<HttpClient> ClientWithCookiesOfAsync(IPage page, string baseUrl)
    {
        var jar = new CookieContainer();
        foreach (var c in await page.Context.CookiesAsync())
        {
            jar.Add(new Uri(baseUrl), new System.Net.Cookie(c.Name, c.Value, c.Path, c.Domain));
        }
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = jar, UseCookies = true };
        return new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    }

    /// <summary>The records export answers data to this client (200 with CSV), or not.</summary>
    public static async Task<bool> ExportAnswersAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/records/export.csv");
        return response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/csv";
    }

    /// <summary>GET /records answers the page (200), rather than a redirect to sign in.</summary>
    public static async Task<bool> RecordsPageAnswersAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/records");
        return response.StatusCode == HttpStatusCode.OK;
    }

    public static async Task<string> IdOfAsync(PortalHost host, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!.Id;
    }
}
