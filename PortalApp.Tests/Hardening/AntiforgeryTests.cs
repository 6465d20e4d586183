using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hardening;

/// <summary>
/// Every form and every endpoint that changes state refuses a POST without a valid antiforgery token (400), signed in,
/// so the refusal is the token's and not the sign-in's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AntiforgeryTests(PortalHost host)
{
    /// <summary>The static account forms: path, form name, and the fields a person would post.</summary>
    public static TheoryData<string, string, string> AccountForms() => new()
    {
        { "/Account/Login", "login", "Input.Email=clerk@portal.local&Input.Password=" + Uri.EscapeDataString(DemoAccounts.Password) },
        { "/Account/LoginWith2fa", "login-with-2fa", "Input.TwoFactorCode=123456&Input.RememberMachine=false" },
        { "/Account/LoginWithRecoveryCode", "login-with-recovery-code", "Input.RecoveryCode=ABCDE-12345" },
        { "/Account/Manage/ChangePassword", "change-password", "Input.OldPassword=" + Uri.EscapeDataString(DemoAccounts.Password) + "&Input.NewPassword=Changed-by-csrf-1!&Input.ConfirmPassword=Changed-by-csrf-1!" },
        { "/Account/Manage/Disable2fa", "disable-2fa", "" },
        { "/Account/Manage/EnableAuthenticator", "send-code", "Input.Code=123456" },
        { "/Account/Manage/GenerateRecoveryCodes", "generate-recovery-codes", "" },
        { "/Account/Manage/ResetAuthenticator", "reset-authenticator", "" },
        { "/Account/Manage/TwoFactorAuthentication", "forget-browser", "" },
        { "/Account/Logout", "", "returnUrl=/" },
    };

    [Theory]
    [MemberData(nameof(AccountForms))]
    public async Task AFormPostedWithoutOrWithAWrongTokenIsRefused(string path, string formName, string fields)
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, "clerk@portal.local");
        var handler = formName.Length > 0 ? $"_handler={formName}&" : "";
        // A token issued to another browser (another antiforgery cookie) is as wrong as a forged one.
        using var other = await SignIn.ClientAsync(host.BaseUrl, null);
        var foreignToken = System.Text.RegularExpressions.Regex.Match(await other.GetStringAsync("/Account/Login"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(foreignToken);

        foreach (var token in new[] { null, "forged", WebUtility.HtmlDecode(foreignToken) })
        {
            var body = handler + fields + (token is null ? "" : "&__RequestVerificationToken=" + Uri.EscapeDataString(token));
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            var response = await client.PostAsync(path, content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} with token '{token ?? "none"}' answered {(int)response.StatusCode}");
        }

        // Still signed in with the old password: nothing was changed by the refused posts.
        using var again = await SignIn.ClientAsync(host.BaseUrl, "clerk@portal.local");
    }

    /// <summary>
    /// Every endpoint of the running app that accepts a state-changing method, found in its endpoint table: each
    /// requires antiforgery validation. The Blazor circuit's hub is the exception, as designed: it is not a form and
    /// its connection is bound to the signed-in cookie, which is SameSite=Strict.
    /// </summary>
    [Fact]
    public async Task EveryEndpointThatAcceptsAStateChangingMethodRequiresAntiforgery()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [], Endpoint: e))
            .Where(e => e.Methods.Count == 0 || e.Methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
            .Where(e => !e.Route.StartsWith("/_blazor", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(endpoints);

        // Authorization runs before antiforgery: post as each role until one may reach the endpoint, so the 400 is the token's.
        var clients = new List<HttpClient>();
        foreach (var account in new[] { "admin@portal.local", "clerk@portal.local", "solicitor@portal.local", "city@portal.local", "auditor@portal.local" })
        {
            clients.Add(await SignIn.ClientAsync(host.BaseUrl, account));
        }
        var unprotected = new List<string>();
        var refusedForTheToken = 0;
        foreach (var (route, methods, endpoint) in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true })
            {
                unprotected.Add($"{string.Join(",", methods)} {route}");
                continue;
            }
            // And in fact: a POST without a token is refused, never served.
            var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "1");
            var answers = new List<int>();
            foreach (var client in clients)
            {
                using var content = new StringContent("x=1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
                var response = await client.PostAsync(url, content);
                answers.Add((int)response.StatusCode);
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    break;
                }
            }
            Assert.True(answers[^1] == 400 && answers.All(a => a is 400 or 302 or 403 or 404), $"POST {url} without a token answered {string.Join(", ", answers)}");
            refusedForTheToken++;
        }
        clients.ForEach(c => c.Dispose());
        Assert.True(refusedForTheToken >= 20, $"only {refusedForTheToken} endpoints were tried");
        Assert.True(unprotected.Count == 0, "Without antiforgery: " + string.Join("; ", unprotected));
    }
}
