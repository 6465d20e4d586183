using System.Globalization;

namespace PortalApp.Letters;

/// <summary>
/// Lays a letter out on US Letter pages: letterhead, number and date, addressee block, reference line, body,
/// signature block, copies, and on every page a footer with the number and the verification address.
/// Wrapping is done here, by measuring words with the same font metrics the PDF uses.
/// </summary>
public sealed class LetterTypesetter(Func<string, double, TextStyle, double> measure, LetterOptions options)
{
    private const double Left = 72, Right = LetterLayout.PageWidth - 72, Top = 72;
    private const double BodyBottom = LetterLayout.PageHeight - 86, FooterRule = LetterLayout.PageHeight - 64;
    private const double BodySize = 11, BodyLeading = 15, ParagraphGap = 7, BulletIndent = 16;

    private readonly List<PlacedText> texts = [];
    private readonly List<PlacedRule> rules = [];
    private readonly Dictionary<(string, double, TextStyle), double> widths = [];
    private int page = 1;
    private double y;

    public LetterLayout Typeset(LetterDocument letter)
    {
        Letterhead();
        y = 146;
        Put(Left, letter.Date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), BodySize);
        PutRight(letter.Number, BodySize, TextStyle.Bold);
        y += BodyLeading * 2;
        foreach (var line in Lines(letter.Addressee))
        {
            Put(Left, line, BodySize);
            y += BodyLeading - 1;
        }
        y += BodyLeading;
        Paragraph($"Re: {letter.Subject}", TextStyle.Bold, hangingIndent: Width("Re: ", BodySize, TextStyle.Bold));
        Paragraph($"Agreement {letter.AgreementReference} · Our reference {letter.Number}", TextStyle.Regular);
        y += BodyLeading * 0.5;
        foreach (var paragraph in Paragraphs(letter.Body))
        {
            var bullet = paragraph.StartsWith("- ", StringComparison.Ordinal);
            Paragraph(bullet ? paragraph[2..] : paragraph, TextStyle.Regular, bullet);
        }
        SignatureBlock(letter);
        Footers(letter);
        return new LetterLayout(page, texts, rules);
    }

    private void Letterhead()
    {
        texts.Add(new PlacedText(1, Left, 64, 16, TextStyle.Bold, options.LetterheadTitle, Accent: true));
        var lineY = 80.0;
        foreach (var line in options.LetterheadLines)
        {
            texts.Add(new PlacedText(1, Left, lineY, 9.5, TextStyle.Regular, line, Accent: true));
            lineY += 12;
        }
        rules.Add(new PlacedRule(1, Left, Right, lineY - 2, 1.2));
    }

    private void SignatureBlock(LetterDocument letter)
    {
        var needed = BodyLeading * 5 + (letter.CarbonCopies.Count > 0 ? BodyLeading * 2 : 0);
        y += BodyLeading * 0.5;
        if (y + needed > BodyBottom)
        {
            NewPage();
        }
        Put(Left, "Very truly yours,", BodySize);
        y += BodyLeading * 3;
        Put(Left, letter.SignerName, BodySize, TextStyle.Bold);
        y += BodyLeading;
        Put(Left, letter.SignerTitle, BodySize);
        if (letter.CarbonCopies.Count > 0)
        {
            y += BodyLeading * 2;
            Paragraph("cc: " + string.Join("; ", letter.CarbonCopies), TextStyle.Regular, size: 9.5);
        }
    }

    private void Footers(LetterDocument letter)
    {
        for (var p = 1; p <= page; p++)
        {
            rules.Add(new PlacedRule(p, Left, Right, FooterRule, 0.6));
            texts.Add(new PlacedText(p, Left, FooterRule + 13, 8.5, TextStyle.Bold, letter.Number));
            var pageText = $"Page {p} of {page}";
            texts.Add(new PlacedText(p, Right - Width(pageText, 8.5, TextStyle.Regular), FooterRule + 13, 8.5, TextStyle.Regular, pageText));
            texts.Add(new PlacedText(p, Left, FooterRule + 25, 8.5, TextStyle.Regular,
                $"Verify this letter and its digital signature at {letter.VerificationUrl}"));
        }
    }

    private void Paragraph(string text, TextStyle style, bool bullet = false, double hangingIndent = 0, double size = BodySize)
    {
        var indent = bullet ? BulletIndent : 0;
        var first = true;
        foreach (var line in Wrap(text, Right - Left - indent, Right - Left - Math.Max(indent, hangingIndent), size, style))
        {
            if (y > BodyBottom)
            {
                NewPage();
            }
            if (bullet && first)
            {
                Put(Left + 4, "•", size, style);
            }
            Put(Left + (first ? indent : Math.Max(indent, hangingIndent)), line, size, style);
            y += size == BodySize ? BodyLeading : size * 1.35;
            first = false;
        }
        y += ParagraphGap;
    }

    private IEnumerable<string> Wrap(string text, double firstWidth, double otherWidth, double size, TextStyle style)
    {
        var space = Width(" ", size, style);
        var line = new List<string>();
        double lineWidth = 0, max = firstWidth;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = Width(word, size, style);
            if (line.Count > 0 && lineWidth + space + w > max)
            {
                yield return string.Join(' ', line);
                line.Clear();
                lineWidth = 0;
                max = otherWidth;
            }
            lineWidth += (line.Count > 0 ? space : 0) + w;
            line.Add(word);
        }
        if (line.Count > 0)
        {
            yield return string.Join(' ', line);
        }
    }

    private void NewPage()
    {
        page++;
        y = Top;
    }

    private void Put(double x, string text, double size, TextStyle style = TextStyle.Regular)
    {
        if (text.Length > 0)
        {
            texts.Add(new PlacedText(page, x, y, size, style, LetterGlyphs.Printable(text)));
        }
    }

    private void PutRight(string text, double size, TextStyle style) => Put(Right - Width(text, size, style), text, size, style);

    private double Width(string text, double size, TextStyle style)
    {
        if (!widths.TryGetValue((text, size, style), out var width))
        {
            width = widths[(text, size, style)] = measure(text, size, style);
        }
        return width;
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
