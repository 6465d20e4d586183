using Microsoft.Extensions.Options;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace PortalApp.Letters;

/// <summary>Typesets a letter and writes it as a PDF with PdfPig (Apache-2.0) and the embedded Liberation Serif.</summary>
public sealed class LetterPdfRenderer(IOptions<LetterOptions> options)
{
    public LetterLayout Layout(LetterDocument letter)
    {
        // A scratch document carries the fonts for measuring; nothing is written to it.
        var scratch = new PdfDocumentBuilder();
        var fonts = AddFonts(scratch);
        var page = scratch.AddPage(PageSize.Letter);
        return new LetterTypesetter((text, size, style) => Width(page, text, size, fonts[style]), options.Value).Typeset(letter);
    }

    public byte[] Render(LetterDocument letter)
    {
        var layout = Layout(letter);
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = $"{letter.Number}: {letter.Subject}";
        builder.DocumentInformation.Author = $"{letter.SignerName}, {letter.SignerTitle}";
        builder.DocumentInformation.Subject = $"Agreement {letter.AgreementReference}";
        builder.DocumentInformation.Producer = "Portal";
        var fonts = AddFonts(builder);
        for (var number = 1; number <= layout.PageCount; number++)
        {
            var page = builder.AddPage(PageSize.Letter);
            foreach (var rule in layout.Rules.Where(r => r.Page == number))
            {
                page.SetStrokeColor(31, 58, 96);
                page.DrawLine(Point(rule.X1, rule.Y), Point(rule.X2, rule.Y), rule.Thickness);
            }
            foreach (var text in layout.Texts.Where(t => t.Page == number))
            {
                if (text.Accent)
                {
                    page.SetTextAndFillColor(31, 58, 96);
                }
                else
                {
                    page.SetTextAndFillColor(0, 0, 0);
                }
                page.AddText(LetterGlyphs.Printable(text.Text), text.Size, Point(text.X, text.Y), fonts[text.Style]);
            }
            if (number == 1)
            {
                DrawQr(page, letter.VerificationUrl);
            }
        }
        return builder.Build();
    }

    /// <summary>The verification address as a QR code, drawn as filled runs of dark modules (sharp at any zoom, no image).</summary>
    private static void DrawQr(PdfPageBuilder page, string url)
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
                var bottomLeft = Point(LetterLayout.QrLeft + column * module, LetterLayout.QrTop + (row + 1) * module);
                page.DrawRectangle(bottomLeft, (run - column + 1) * module, module, 0, fill: true);
                column = run;
            }
        }
    }

    private static Dictionary<TextStyle, PdfDocumentBuilder.AddedFont> AddFonts(PdfDocumentBuilder builder) => new()
    {
        [TextStyle.Regular] = builder.AddTrueTypeFont(LetterFonts.Regular),
        [TextStyle.Bold] = builder.AddTrueTypeFont(LetterFonts.Bold),
    };

    private static double Width(PdfPageBuilder page, string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        if (text.Length == 0)
        {
            return 0;
        }
        var letters = page.MeasureText(LetterGlyphs.Printable(text), size, new PdfPoint(0, 0), font);
        if (letters.Count == 0)
        {
            return 0;
        }
        // A run's width is the distance from the first glyph's start to the last glyph's end.
        return letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    private static PdfPoint Point(double x, double yFromTop) => new(x, LetterLayout.PageHeight - yFromTop);
}
