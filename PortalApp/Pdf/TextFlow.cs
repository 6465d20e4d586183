namespace PortalApp.Pdf;

/// <summary>
/// Text flowing down a document's pages: a cursor (<see cref="Y"/>, the page's top-left corner being 0) that wrapped
/// paragraphs, lines and rules move down, starting a new page where a line would fall below the frame.
/// </summary>
public sealed class TextFlow(PageFrame frame, TextMeasure measure)
{
    private readonly List<PlacedText> texts = [];
    private readonly List<PlacedRule> rules = [];

    public PageFrame Frame => frame;

    public int Page { get; private set; } = 1;

    public double Y { get; set; } = frame.Top;

    public double Width(string text, double size, TextStyle style) => measure.Width(text, size, style);

    /// <summary>Wraps <paramref name="text"/> to the frame and lays its lines down; a marker (a bullet) goes before the first line.</summary>
    public void Paragraph(string text, double size, TextStyle style, double leading, double indent = 0, double hangingIndent = 0, (double Indent, string Text)? marker = null)
    {
        var other = Math.Max(indent, hangingIndent);
        var first = true;
        foreach (var line in TextWrap.Lines(measure.Typeface.Printable(text), frame.Right - frame.Left - indent, frame.Right - frame.Left - other, w => Width(w, size, style)))
        {
            Line(frame.Left + (first ? indent : other), line, size, style, leading, first ? marker : null);
            first = false;
        }
    }

    public void Line(double x, string text, double size, TextStyle style, double leading, (double Indent, string Text)? marker = null)
    {
        var before = frame.Spacing == LineSpacing.BeforeEachLine ? leading : 0;
        if (Y + before > frame.Bottom)
        {
            NewPage();
        }
        Y += before;
        if (marker is { } m)
        {
            Put(frame.Left + m.Indent, m.Text, size, style);
        }
        Put(x, text, size, style);
        Y += leading - before;
    }

    /// <summary>A rule across the frame with <paramref name="space"/> above and below it.</summary>
    public void Rule(double thickness, double space)
    {
        KeepTogether(2 * space);
        Y += space;
        rules.Add(new PlacedRule(Page, frame.Left, frame.Right, Y, thickness));
        Y += space;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one.</summary>
    public void KeepTogether(double height)
    {
        if (Y + height > frame.Bottom)
        {
            NewPage();
        }
    }

    public void NewPage()
    {
        Page++;
        Y = frame.Top;
    }

    /// <summary>Text at the cursor's line.</summary>
    public void Put(double x, string text, double size, TextStyle style = TextStyle.Regular)
    {
        if (text.Length > 0)
        {
            texts.Add(new PlacedText(Page, x, Y, size, style, measure.Typeface.Printable(text)));
        }
    }

    public void PutRight(string text, double size, TextStyle style) => Put(frame.Right - Width(text, size, style), text, size, style);

    /// <summary>Text or a rule at a fixed place (a letterhead, a footer), outside the flow.</summary>
    public void Place(PlacedText text) => texts.Add(text);

    public void Place(PlacedRule rule) => rules.Add(rule);

    public PageLayout Layout() => new(frame.Paper, Page, texts, rules);
}
