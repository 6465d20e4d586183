using Microsoft.Playwright;
using PortalApp.Tests.Accessibility;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Verify;

/// <summary>/verify in Chromium for a visitor with no account: every kind of input gets its answer, and no server error.</summary>
[Collection(AppCollection.Name)]
public sealed class VerifyBrowserTests(PortalHost host, BrowserFixture browser)
{
    [Fact]
    public async Task EachKindOfInputGetsTheRightAnswerAndNoServerError()
    {
        var pdf = await VerifyRequests.IssuedPdfAsync(host);
        var number = pdf.FileName[..^4];
        var changed = (byte[])pdf.Bytes.Clone();
        changed[changed.Length / 4] ^= 0x01;
        var huge = Path.Combine(Path.GetTempPath(), $"verify-huge-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(huge, new byte[30 * 1024 * 1024]);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 500)
            {
                errors.Add($"{r.Status} {r.Url}");
            }
        };
        try
        {
            await page.GotoAsync($"{host.BaseUrl}/verify");
            await UploadAsync(page, new FilePayload { Name = pdf.FileName, MimeType = "application/pdf", Buffer = pdf.Bytes });
            await ExpectAnswerAsync(page, $"Verified: this file is exactly letter {number}.");
            await Assertions.Expect(page.GetByTestId("verify-signature-state")).ToHaveTextAsync("Intact");

            await UploadAsync(page, new FilePayload { Name = pdf.FileName, MimeType = "application/pdf", Buffer = changed });
            await ExpectAnswerAsync(page, "Not verified: no letter the portal issued has exactly this content.");
            await Assertions.Expect(page.GetByTestId("verify-signature-state")).ToHaveTextAsync("Broken");

            await UploadAsync(page, new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "Minutes of the meeting"u8.ToArray() });
            await ExpectAnswerAsync(page, "Not verified: this file is not a PDF.");

            await page.Locator("#verify-file").SetInputFilesAsync(huge);
            await page.GetByTestId("verify-file-button").ClickAsync();
            await ExpectAnswerAsync(page, "Not verified: that file is 30 MB, larger than any letter.");

            await LookUpAsync(page, pdf.Sha256);
            await ExpectAnswerAsync(page, $"Verified: this is the SHA-256 of letter {number}.");

            await LookUpAsync(page, number.ToLowerInvariant());
            await ExpectAnswerAsync(page, $"Found: {number} is a letter the portal issued.");

            await LookUpAsync(page, "what is this?");
            await ExpectAnswerAsync(page, "Not verified: \u201cwhat is this?\u201d is neither a letter number nor a SHA-256 hash.");

            await page.GotoAsync($"{host.BaseUrl}/verify/{number}");
            await ExpectAnswerAsync(page, $"Found: {number} is a letter the portal issued.");
            Assert.Empty(errors);
        }
        finally
        {
            File.Delete(huge);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task OnAPhoneTheAnswerFitsTheScreenAndAxeFindsNoViolation()
    {
        var pdf = await VerifyRequests.IssuedPdfAsync(host);
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync($"{host.BaseUrl}/verify?q={pdf.Sha256}");
        await ExpectAnswerAsync(page, "Verified: this is the SHA-256 of letter");

        var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(sideways <= 0, $"/verify scrolls {sideways} px sideways on a 390 px screen");
        await AxeInPage.AssertNoneAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task UploadAsync(IPage page, FilePayload file)
    {
        await page.Locator("#verify-file").SetInputFilesAsync(file);
        await page.GetByTestId("verify-file-button").ClickAsync();
    }

    private static async Task LookUpAsync(IPage page, string text)
    {
        await page.Locator("#verify-text").FillAsync(text);
        await page.GetByTestId("verify-text-button").ClickAsync();
    }

    private static async Task ExpectAnswerAsync(IPage page, string headline) =>
        await Assertions.Expect(page.GetByTestId("verify-headline")).ToContainTextAsync(headline);
}
