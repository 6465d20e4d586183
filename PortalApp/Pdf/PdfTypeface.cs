using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PortalApp.Pdf;

/// <summary>A document's regular and bold faces, and how it turns text into characters they can print.</summary>
public sealed class PdfTypeface
{
    private readonly Func<PdfDocumentBuilder, TextStyle, PdfDocumentBuilder.AddedFont> add;
    private readonly Func<string, string> printable;

    private PdfTypeface(Func<PdfDocumentBuilder, TextStyle, PdfDocumentBuilder.AddedFont> add, Func<string, string> printable)
    {
        this.add = add;
        this.printable = printable;
    }

    public static PdfTypeface TrueType(byte[] regular, byte[] bold, Func<string, string> printable) =>
        new((builder, style) => builder.AddTrueTypeFont(style == TextStyle.Bold ? bold : regular), printable);

    public static PdfTypeface Standard14(Standard14Font regular, Standard14Font bold, Func<string, string> printable) =>
        new((builder, style) => builder.AddStandard14Font(style == TextStyle.Bold ? bold : regular), printable);

    public string Printable(string text) => printable(text);

    public IReadOnlyDictionary<TextStyle, PdfDocumentBuilder.AddedFont> AddTo(PdfDocumentBuilder builder) => new Dictionary<TextStyle, PdfDocumentBuilder.AddedFont>
    {
        [TextStyle.Regular] = add(builder, TextStyle.Regular),
        [TextStyle.Bold] = add(builder, TextStyle.Bold),
    };
}
