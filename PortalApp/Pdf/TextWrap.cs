namespace PortalApp.Pdf;

/// <summary>Word wrap: as many words on a line as fit its width; a word wider than a line stands alone on it.</summary>
public static class TextWrap
{
    /// <summary>The lines of <paramref name="text"/>; the first may be wider than the rest (a hanging indent). Empty text is one empty line.</summary>
    public static IEnumerable<string> Lines(string text, double firstWidth, double otherWidth, Func<string, double> width)
    {
        var space = width(" ");
        var line = new List<string>();
        double lineWidth = 0, max = firstWidth;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = width(word);
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
        yield return string.Join(' ', line);
    }
}
