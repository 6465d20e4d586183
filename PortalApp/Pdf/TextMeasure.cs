using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace PortalApp.Pdf;

/// <summary>Widths of text in a typeface, by the same font metrics the PDF is written with.</summary>
public sealed class TextMeasure : IDisposable
{
    // A scratch document carries the fonts for measuring; nothing is written to it.
    private readonly PdfDocumentBuilder scratch = new();
    private readonly IReadOnlyDictionary<TextStyle, PdfDocumentBuilder.AddedFont> fonts;
    private readonly PdfPageBuilder page;
    private readonly Dictionary<(string, double, TextStyle), double> widths = [];

    public TextMeasure(PdfTypeface typeface)
    {
        Typeface = typeface;
        fonts = typeface.AddTo(scratch);
        page = scratch.AddPage(PageSize.A4);
    }

    public PdfTypeface Typeface { get; }

    public double Width(string text, double size, TextStyle style)
    {
        if (!widths.TryGetValue((text, size, style), out var width))
        {
            width = widths[(text, size, style)] = Measure(text, size, style);
        }
        return width;
    }

    public void Dispose() => scratch.Dispose();

    private double Measure(string text, double size, TextStyle style)
    {
        if (text.Length == 0)
        {
            return 0;
        }
        var letters = page.MeasureText(Typeface.Printable(text), size, new PdfPoint(0, 0), fonts[style]);
        // A run's width is the distance from the first glyph's start to the last glyph's end.
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }
}
