namespace PortalApp.Letters;

/// <summary>What goes on a letter's pages; the same content is typeset for the PDF and for the preview.</summary>
public sealed record LetterDocument(
    string Number,
    DateOnly Date,
    string Addressee,
    string AgreementReference,
    string Subject,
    string Body,
    string SignerName,
    string SignerTitle,
    IReadOnlyList<string> CarbonCopies,
    string VerificationUrl);

public enum TextStyle
{
    Regular,
    Bold,
}

/// <summary>One run of text, positioned in points from the page's top-left corner (Y is the baseline).</summary>
public sealed record PlacedText(int Page, double X, double Y, double Size, TextStyle Style, string Text, bool Accent = false);

/// <summary>A horizontal rule, positioned like <see cref="PlacedText"/>.</summary>
public sealed record PlacedRule(int Page, double X1, double X2, double Y, double Thickness);

/// <summary>A typeset letter: every line at its place on its page. Both the PDF and the HTML preview draw from this.</summary>
public sealed record LetterLayout(int PageCount, IReadOnlyList<PlacedText> Texts, IReadOnlyList<PlacedRule> Rules)
{
    /// <summary>US Letter, the city's paper: 8.5 by 11 inches.</summary>
    public const double PageWidth = 612;
    public const double PageHeight = 792;

    /// <summary>The verification QR code's square on the first page (from the top-left corner, in points).</summary>
    public const double QrSize = 62, QrTop = 30, QrLeft = PageWidth - 72 - QrSize;
}
