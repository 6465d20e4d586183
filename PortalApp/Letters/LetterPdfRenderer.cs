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
        var page = scratch.AddPage(PageSize.A4);
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
            var page = builder.AddPage(PageSize.A4);
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
        }
        return builder.Build();
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
