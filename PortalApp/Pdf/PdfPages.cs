using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace PortalApp.Pdf;

/// <summary>Writes a <see cref="PageLayout"/> as a PDF with PdfPig (Apache-2.0), in the layout's typeface.</summary>
public static class PdfPages
{
    private static readonly (byte R, byte G, byte B) Black = (0, 0, 0);

    /// <summary>
    /// Text and rules marked as accent take <paramref name="accent"/> (else black). <paramref name="describe"/> fills the
    /// document's information; <paramref name="draw"/> adds what is not text or
    /// a rule (a QR code) to a page, given its number and a converter from top-left coordinates.
    /// </summary>
    public static byte[] Write(
        PageLayout layout, PdfTypeface typeface, (byte R, byte G, byte B)? accent = null,
        Action<PdfDocumentBuilder.DocumentInformationBuilder>? describe = null, Action<int, PdfPageBuilder, Func<double, double, PdfPoint>>? draw = null)
    {
        using var builder = new PdfDocumentBuilder();
        describe?.Invoke(builder.DocumentInformation);
        var fonts = typeface.AddTo(builder);
        for (var number = 1; number <= layout.PageCount; number++)
        {
            var page = builder.AddPage(layout.Paper);
            var height = page.PageSize.Height;
            PdfPoint Point(double x, double yFromTop) => new(x, height - yFromTop);
            foreach (var rule in layout.Rules.Where(r => r.Page == number))
            {
                var (r, g, b) = rule.Accent ? accent ?? Black : Black;
                page.SetStrokeColor(r, g, b);
                page.DrawLine(Point(rule.X1, rule.Y), Point(rule.X2, rule.Y), rule.Thickness);
            }
            foreach (var text in layout.Texts.Where(t => t.Page == number))
            {
                var (r, g, b) = text.Accent ? accent ?? Black : Black;
                page.SetTextAndFillColor(r, g, b);
                page.AddText(typeface.Printable(text.Text), text.Size, Point(text.X, text.Y), fonts[text.Style]);
            }
            draw?.Invoke(number, page, Point);
        }
        return builder.Build();
    }
}
