using Microsoft.Extensions.Options;
using PortalApp.Pdf;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace PortalApp.Letters;

/// <summary>Typesets a letter and writes it as a PDF in the embedded Liberation Serif, with its verification QR code.</summary>
public sealed class LetterPdfRenderer(IOptions<LetterOptions> options)
{
    public PageLayout Layout(LetterDocument letter)
    {
        using var measure = new TextMeasure(LetterLayout.Typeface);
        return new LetterTypesetter(measure, options.Value).Typeset(letter);
    }

    public byte[] Render(LetterDocument letter) =>
        PdfPages.Write(Layout(letter), LetterLayout.Typeface, LetterLayout.Accent,
            info =>
            {
                info.Title = $"{letter.Number}: {letter.Subject}";
                info.Author = $"{letter.SignerName}, {letter.SignerTitle}";
                info.Subject = $"Agreement {letter.AgreementReference}";
                info.Producer = "Portal";
            },
            (number, page, point) =>
            {
                if (number == 1)
                {
                    DrawQr(page, point, letter.VerificationUrl);
                }
            });

    /// <summary>The verification address as a QR code, drawn as filled runs of dark modules (sharp at any zoom, no image).</summary>
    private static void DrawQr(PdfPageBuilder page, Func<double, double, PdfPoint> point, string url)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M);
        // QRCoder's matrix includes a four-module quiet zone on each side.
        var modules = data.ModuleMatrix;
        var module = LetterLayout.QrSize / modules.Count;
        page.SetTextAndFillColor(0, 0, 0);
        page.SetStrokeColor(0, 0, 0);
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules.Count; column++)
            {
                if (!modules[row][column])
                {
                    continue;
                }
                var run = column;
                while (run + 1 < modules.Count && modules[row][run + 1])
                {
                    run++;
                }
                var bottomLeft = point(LetterLayout.QrLeft + column * module, LetterLayout.QrTop + (row + 1) * module);
                page.DrawRectangle(bottomLeft, (run - column + 1) * module, module, 0, fill: true);
                column = run;
            }
        }
    }
}
