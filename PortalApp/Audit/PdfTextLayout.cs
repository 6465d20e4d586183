using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PortalApp.Audit;

/// <summary>
/// Flowing text on A4 pages with PdfPig: wrapping, page breaks and page numbers. Uses Liberation Sans or
/// DejaVu Sans from the machine when present, else the built-in Helvetica (Latin-1 only).
/// </summary>
public sealed class PdfTextLayout : IDisposable
{
    private const double Margin = 50;
    private static readonly string[] RegularFonts =
    [
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];

    private readonly PdfDocumentBuilder builder = new();
    private readonly List<PdfPageBuilder> pages = [];
    private readonly PdfDocumentBuilder.AddedFont regular;
    private readonly PdfDocumentBuilder.AddedFont bold;
    private readonly bool latin1Only;
    private PdfPageBuilder page = null!;
    private double y;
    private double width;

    public PdfTextLayout()
    {
        var regularPath = RegularFonts.FirstOrDefault(File.Exists);
        var boldPath = regularPath?.Replace("-Regular.ttf", "-Bold.ttf", StringComparison.Ordinal).Replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", StringComparison.Ordinal);
        if (regularPath is not null)
        {
            regular = builder.AddTrueTypeFont(File.ReadAllBytes(regularPath));
            bold = boldPath is not null && File.Exists(boldPath) ? builder.AddTrueTypeFont(File.ReadAllBytes(boldPath)) : regular;
        }
        else
        {
            regular = builder.AddStandard14Font(Standard14Font.Helvetica);
            bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
            latin1Only = true;
        }
        NewPage();
    }

    public bool UsesEmbeddedFont => !latin1Only;

    public void Heading(string text, double size = 13)
    {
        Space(size * 0.6);
        Paragraph(text, size, bold: true);
        Space(2);
    }

    public void Paragraph(string text, double size = 9.5, bool bold = false, double indent = 0)
    {
        var font = bold ? this.bold : regular;
        foreach (var line in Wrap(Clean(text), size, font, width - indent))
        {
            EnsureRoom(size * 1.35);
            y -= size * 1.35;
            page.AddText(line, size, new PdfPoint(Margin + indent, y), font);
        }
    }

    public void Rule()
    {
        EnsureRoom(8);
        y -= 4;
        page.DrawLine(new PdfPoint(Margin, y), new PdfPoint(Margin + width, y), 0.5);
        y -= 4;
    }

    public void Space(double points) => y -= points;

    public byte[] Build(string footer)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].AddText(Clean($"{footer} · page {i + 1} of {pages.Count}"), 8, new PdfPoint(Margin, Margin / 2), regular);
        }
        return builder.Build();
    }

    public void Dispose() => builder.Dispose();

    private void NewPage()
    {
        page = builder.AddPage(PageSize.A4);
        pages.Add(page);
        width = page.PageSize.Width - 2 * Margin;
        y = page.PageSize.Height - Margin;
    }

    private void EnsureRoom(double height)
    {
        if (y - height < Margin)
        {
            NewPage();
        }
    }

    private IEnumerable<string> Wrap(string text, double size, PdfDocumentBuilder.AddedFont font, double maxWidth)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && Measure(candidate, size, font) > maxWidth)
            {
                yield return line.ToString();
                line.Clear().Append(word);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }
        yield return line.ToString();
    }

    private double Measure(string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        var letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    private string Clean(string text)
    {
        var cleaned = text.ReplaceLineEndings(" ");
        return latin1Only
            ? new string([.. cleaned.Select(c => c switch { '–' or '—' => '-', '·' => '·', _ when c > 0xFF => '?', _ => c })])
            : cleaned;
    }
}
