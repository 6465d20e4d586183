using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Letters;

namespace PortalApp.Tests.Verify;

/// <summary>An issued letter to check, and /verify's upload form posted by a plain HTTP client as a browser would post it.</summary>
internal static partial class VerifyRequests
{
    public static async Task<LetterVerifier.StoredPdf> IssuedPdfAsync(PortalHost host)
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        await using var scope = await host.ScopeAsAsync("auditor@portal.local");
        return (await scope.ServiceProvider.GetRequiredService<LetterVerifier>().GetPdfAsync(letterId))!;
    }

    /// <summary>Posts <paramref name="file"/> through the page's form (its antiforgery token and handler name), following the answer's redirect.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient anonymous, byte[] file, string fileName, string contentType = "application/pdf")
    {
        var form = await anonymous.GetStringAsync("/verify");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Field(form, "__RequestVerificationToken")), "__RequestVerificationToken" },
            { new StringContent(Field(form, "_handler")), "_handler" },
        };
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(bytes, "file", fileName);
        var response = await anonymous.PostAsync("/verify", content);
        if (response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Redirect)
        {
            response = await anonymous.GetAsync(response.Headers.Location);
        }
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static string Field(string form, string name) =>
        Regex.Match(form, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]+)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"The form has no {name} field.");
}
