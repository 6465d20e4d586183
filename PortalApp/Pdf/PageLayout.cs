using UglyToad.PdfPig.Content;

namespace PortalApp.Pdf;

public enum TextStyle
{
    Regular,
    Bold,
}

/// <summary>One run of text, positioned in points from the page's top-left corner (Y is the baseline).</summary>
public sealed record PlacedText(int Page, double X, double Y, double Size, TextStyle Style, string Text, bool Accent = false);

/// <summary>A horizontal rule, positioned like <see cref="PlacedText"/>.</summary>
public sealed record PlacedRule(int Page, double X1, double X2, double Y, double Thickness, bool Accent = false);

/// <summary>A typeset document: every line at its place on its page. The PDF (and a letter's HTML preview) draw from this.</summary>
public sealed record PageLayout(PageSize Paper, int PageCount, IReadOnlyList<PlacedText> Texts, IReadOnlyList<PlacedRule> Rules);
