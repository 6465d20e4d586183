using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace PortalApp.Pdf;

/// <summary>
/// Where a line's leading goes. The report moves down before it writes each line (its cursor rests on the last
/// baseline); the letter writes first and then moves down (its cursor rests on the next baseline).
/// </summary>
public enum LineSpacing
{
    BeforeEachLine,
    AfterEachLine,
}

/// <summary>A page's paper and text area, in points from the top-left corner; a line whose baseline would fall below <see cref="Bottom"/> goes to the next page.</summary>
public sealed record PageFrame(PageSize Paper, double Left, double Right, double Top, double Bottom, LineSpacing Spacing)
{
    /// <summary>A frame with equal margins on every side.</summary>
    public static PageFrame WithMargin(PageSize paper, double margin, LineSpacing spacing)
    {
        var (width, height) = Dimensions(paper);
        return new PageFrame(paper, margin, width - margin, margin, height - margin, spacing);
    }

    public static (double Width, double Height) Dimensions(PageSize paper)
    {
        using var scratch = new PdfDocumentBuilder();
        var size = scratch.AddPage(paper).PageSize;
        return (size.Width, size.Height);
    }
}
