using PortalApp.Pdf;
using UglyToad.PdfPig.Content;

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

/// <summary>The letter's paper and typeface; its pages are a <see cref="PageLayout"/> that the PDF and the HTML preview both draw.</summary>
public static class LetterLayout
{
    /// <summary>US Letter, the city's paper: 8.5 by 11 inches.</summary>
    public const double PageWidth = 612;
    public const double PageHeight = 792;
    public static readonly PageSize Paper = PageSize.Letter;

    /// <summary>The verification QR code's square on the first page (from the top-left corner, in points).</summary>
    public const double QrSize = 62, QrTop = 30, QrLeft = PageWidth - 72 - QrSize;

    /// <summary>The letterhead's navy, for its text and rules.</summary>
    public static readonly (byte R, byte G, byte B) Accent = (31, 58, 96);

    public static readonly PdfTypeface Typeface = PdfTypeface.TrueType(LetterFonts.Regular, LetterFonts.Bold, LetterGlyphs.Printable);
}
