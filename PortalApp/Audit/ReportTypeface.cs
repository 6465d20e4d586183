using PortalApp.Pdf;
using UglyToad.PdfPig.Fonts.Standard14Fonts;

namespace PortalApp.Audit;

/// <summary>
/// The oversight report's typeface: Liberation Sans or DejaVu Sans from the machine when present, else the built-in
/// Helvetica, which prints Latin-1 only (dashes become hyphens, anything else outside it "?").
/// </summary>
public static class ReportTypeface
{
    private static readonly string[] RegularFonts =
    [
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];

    public static PdfTypeface Find()
    {
        var regularPath = RegularFonts.FirstOrDefault(File.Exists);
        if (regularPath is null)
        {
            return PdfTypeface.Standard14(Standard14Font.Helvetica, Standard14Font.HelveticaBold, text => Latin1(OneLine(text)));
        }
        var boldPath = regularPath.Replace("-Regular.ttf", "-Bold.ttf", StringComparison.Ordinal).Replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", StringComparison.Ordinal);
        var regular = File.ReadAllBytes(regularPath);
        return PdfTypeface.TrueType(regular, File.Exists(boldPath) ? File.ReadAllBytes(boldPath) : regular, OneLine);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Latin1(string text) =>
        new([.. text.Select(c => c switch { '–' or '—' => '-', _ when c > 0xFF => '?', _ => c })]);
}
