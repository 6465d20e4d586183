using System.Globalization;
using PortalApp.Pdf;

namespace PortalApp.Letters;

/// <summary>
/// Lays a letter out on US Letter pages: letterhead, number and date, addressee block, reference line, body,
/// signature block, copies, and on every page a footer with the number and the verification address.
/// </summary>
public sealed class LetterTypesetter(TextMeasure measure, LetterOptions options)
{
    private const double Left = 72, Right = LetterLayout.PageWidth - 72, Top = 72;
    private const double BodyBottom = LetterLayout.PageHeight - 86, FooterRule = LetterLayout.PageHeight - 64;
    private const double BodySize = 11, BodyLeading = 15, ParagraphGap = 7, BulletIndent = 16;

    private readonly TextFlow flow = new(new PageFrame(LetterLayout.Paper, Left, Right, Top, BodyBottom, LineSpacing.AfterEachLine), measure);

    public PageLayout Typeset(LetterDocument letter)
    {
        Letterhead();
        flow.Y = 146;
        flow.Put(Left, letter.Date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), BodySize);
        flow.PutRight(letter.Number, BodySize, TextStyle.Bold);
        flow.Y += BodyLeading * 2;
        foreach (var line in Lines(letter.Addressee))
        {
            flow.Put(Left, line, BodySize);
            flow.Y += BodyLeading - 1;
        }
        flow.Y += BodyLeading;
        Paragraph($"Re: {letter.Subject}", TextStyle.Bold, hangingIndent: flow.Width("Re: ", BodySize, TextStyle.Bold));
        Paragraph($"Agreement {letter.AgreementReference} · Our reference {letter.Number}", TextStyle.Regular);
        flow.Y += BodyLeading * 0.5;
        foreach (var paragraph in Paragraphs(letter.Body))
        {
            var bullet = paragraph.StartsWith("- ", StringComparison.Ordinal);
            Paragraph(bullet ? paragraph[2..] : paragraph, TextStyle.Regular, bullet);
        }
        SignatureBlock(letter);
        Footers(letter);
        return flow.Layout();
    }

    private void Letterhead()
    {
        flow.Place(new PlacedText(1, Left, 64, 16, TextStyle.Bold, options.LetterheadTitle, Accent: true));
        var lineY = 80.0;
        foreach (var line in options.LetterheadLines)
        {
            flow.Place(new PlacedText(1, Left, lineY, 9.5, TextStyle.Regular, line, Accent: true));
            lineY += 12;
        }
        flow.Place(new PlacedRule(1, Left, Right, lineY - 2, 1.2, Accent: true));
    }

    private void SignatureBlock(LetterDocument letter)
    {
        flow.Y += BodyLeading * 0.5;
        flow.KeepTogether(BodyLeading * 5 + (letter.CarbonCopies.Count > 0 ? BodyLeading * 2 : 0));
        flow.Put(Left, "Very truly yours,", BodySize);
        flow.Y += BodyLeading * 3;
        flow.Put(Left, letter.SignerName, BodySize, TextStyle.Bold);
        flow.Y += BodyLeading;
        flow.Put(Left, letter.SignerTitle, BodySize);
        if (letter.CarbonCopies.Count > 0)
        {
            flow.Y += BodyLeading * 2;
            Paragraph("cc: " + string.Join("; ", letter.CarbonCopies), TextStyle.Regular, size: 9.5);
        }
    }

    private void Footers(LetterDocument letter)
    {
        for (var p = 1; p <= flow.Page; p++)
        {
            flow.Place(new PlacedRule(p, Left, Right, FooterRule, 0.6, Accent: true));
            flow.Place(new PlacedText(p, Left, FooterRule + 13, 8.5, TextStyle.Bold, letter.Number));
            var pageText = $"Page {p} of {flow.Page}";
            flow.Place(new PlacedText(p, Right - flow.Width(pageText, 8.5, TextStyle.Regular), FooterRule + 13, 8.5, TextStyle.Regular, pageText));
            flow.Place(new PlacedText(p, Left, FooterRule + 25, 8.5, TextStyle.Regular,
                $"Verify this letter and its digital signature at {letter.VerificationUrl}"));
        }
    }

    private void Paragraph(string text, TextStyle style, bool bullet = false, double hangingIndent = 0, double size = BodySize)
    {
        flow.Paragraph(text, size, style, size == BodySize ? BodyLeading : size * 1.35,
            indent: bullet ? BulletIndent : 0, hangingIndent, marker: bullet ? (4, "•") : null);
        flow.Y += ParagraphGap;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    /// <summary>Blank lines separate paragraphs; a line starting with "- " is a bullet of its own.</summary>
    public static IEnumerable<string> Paragraphs(string body)
    {
        var current = new List<string>();
        foreach (var raw in body.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (current.Count > 0)
                {
                    yield return string.Join(' ', current);
                    current.Clear();
                }
            }
            if (line.Length > 0)
            {
                current.Add(line);
            }
        }
        if (current.Count > 0)
        {
            yield return string.Join(' ', current);
        }
    }
}
