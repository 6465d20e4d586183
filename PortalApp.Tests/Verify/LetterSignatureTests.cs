using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Letters;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using PortalApp.AccessLogging;

namespace PortalApp.Tests.Verify;

/// <summary>An issued letter as an outsider holds it: signed so a PDF reader checks it, on US Letter, with its verify address as a QR code.</summary>
[Collection(AppCollection.Name)]
public sealed class LetterSignatureTests(PortalHost host)
{
    [Fact]
    public async Task PdfsigValidatesAnIssuedLettersSignatureAndNamesTheSolicitorsCertificate()
    {
        var pdf = await IssuedPdfAsync();

        var (code, report) = await Poppler.PdfSigAsync(pdf.Bytes);

        Assert.True(code == 0, report);
        Assert.True(report.Contains("Signature Validation: Signature is Valid.", StringComparison.Ordinal), report);
        Assert.True(report.Contains("Signer Certificate Common Name: City Solicitor (demo)", StringComparison.Ordinal), report);
        Assert.True(report.Contains("Signature Type: adbe.pkcs7.detached", StringComparison.Ordinal), report);
        Assert.True(report.Contains("Signed Ranges: [0 - ", StringComparison.Ordinal), report);
        Assert.True(report.Contains("Total document signed", StringComparison.Ordinal), report);
        Assert.True(report.Contains("Signing Hash Algorithm: SHA-256", StringComparison.Ordinal), report);
    }

    [Fact]
    public async Task OneChangedByteMakesPdfsigAndThePortalReportTheSignatureBroken()
    {
        var pdf = await IssuedPdfAsync();
        var tampered = (byte[])pdf.Bytes.Clone();
        // A byte in the first signed range (the page content), not in the signature value.
        tampered[tampered.Length / 4] ^= 0x01;

        var (code, report) = await Poppler.PdfSigAsync(tampered);
        var check = LetterSignatures.Check(tampered);

        // pdfsig exits 0 whenever it could read the signatures; the verdict is in its report.
        Assert.Equal(0, code);
        Assert.DoesNotContain("Signature is Valid", report, StringComparison.Ordinal);
        Assert.True(report.Contains("Signature Validation: Digest Mismatch.", StringComparison.Ordinal), report);
        Assert.True(check.Present);
        Assert.False(check.Intact, check.Summary);
        Assert.True(LetterSignatures.Check(pdf.Bytes).Intact);
    }

    [Fact]
    public async Task TheStoredHashIsOfTheSignedFileAsServedAndAsTheIssuanceWasLogged()
    {
        var pdf = await IssuedPdfAsync();
        await using var db = await LetterScenario.Db(host);
        var number = pdf.FileName[..^4];
        var issued = await db.AccessLog.AsNoTracking().Where(e => e.Target != null && e.Target.Contains(number) && e.Target.EndsWith(": issued")).SingleAsync();

        Assert.Equal(LetterIssuer.Sha256(pdf.Bytes), pdf.Sha256);
        Assert.Contains(pdf.Sha256, issued.Filters, StringComparison.Ordinal);
        Assert.True(LetterSignatures.Check(pdf.Bytes).Intact);
    }

    [Fact]
    public async Task TheLetterIsOnUsLetterPaperAndItsQrCodeDecodesToTheVerifyAddress()
    {
        var pdf = await IssuedPdfAsync();
        var number = pdf.FileName[..^4];
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf.Bytes);
        var page = document.GetPage(1);
        Assert.Equal((612, 792), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));

        var (width, height, pixels) = await Poppler.FirstPageGreyAsync(pdf.Bytes, 150);
        var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });

        Assert.NotNull(decoded);
        Assert.Equal($"{host.BaseUrl}/verify/{number}", decoded.Text);
    }

    private async Task<LetterVerifier.StoredPdf> IssuedPdfAsync()
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        await using var scope = await host.ScopeAsAsync("auditor@portal.local");
        return (await scope.ServiceProvider.GetRequiredService<LetterVerifier>().GetPdfAsync(letterId))!;
    }
}
