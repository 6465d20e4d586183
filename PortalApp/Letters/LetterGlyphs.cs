using System.Collections.Concurrent;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace PortalApp.Letters;

/// <summary>
/// Which characters the letter's typefaces can print. PdfPig throws on a character a font lacks (an emoji, U+FFFD),
/// which would make a draft impossible to open or issue; so the letter refuses such characters in what a person types
/// and prints them as "?" where they come from elsewhere (a vote's rationale, an agreement's title).
/// </summary>
public static class LetterGlyphs
{
    private static readonly ConcurrentDictionary<char, bool> Known = new();
    private static readonly Lock Gate = new();
    private static readonly Lazy<(PdfPageBuilder Page, PdfDocumentBuilder.AddedFont[] Fonts)> Probe = new(() =>
    {
        var builder = new PdfDocumentBuilder();
        PdfDocumentBuilder.AddedFont[] fonts = [builder.AddTrueTypeFont(LetterFonts.Regular), builder.AddTrueTypeFont(LetterFonts.Bold)];
        return (builder.AddPage(PageSize.A4), fonts);
    });

    /// <summary>Line breaks never reach a font: the typesetter splits lines on them.</summary>
    public static bool CanPrint(char c) => c is '\n' or '\r' || Known.GetOrAdd(c, InBothFonts);

    public static string Printable(string text) => text.All(CanPrint) ? text : string.Concat(text.Select(c => CanPrint(c) ? c : '?'));

    /// <summary>A message naming what cannot be printed, or null.</summary>
    public static string? Problem(string? text, string label)
    {
        var missing = (text ?? "").Where(c => !CanPrint(c)).Distinct().Take(3).Select(c => $"U+{(int)c:X4}").ToList();
        return missing.Count == 0 ? null : $"{label} contains characters the letter's typeface cannot print ({string.Join(", ", missing)}).";
    }

    private static bool InBothFonts(char c)
    {
        lock (Gate)
        {
            var (page, fonts) = Probe.Value;
            try
            {
                return fonts.All(font => page.MeasureText(c.ToString(), 12, new UglyToad.PdfPig.Core.PdfPoint(0, 0), font).Count > 0);
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
