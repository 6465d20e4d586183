using System.Globalization;
using System.Text.RegularExpressions;

namespace PortalApp.Letters;

/// <summary>A date a letter's text states: its value, the words that state it, and where they are.</summary>
public sealed record StatedDate(DateOnly Date, string Text, string Where, string Sentence, int Line, int Index, StatedDate.Form Style)
{
    public enum Form
    {
        Long,
        Abbreviated,
        NumericPadded,
        Numeric,
        Iso,
    }

    /// <summary>The same date printed in this statement's style, so a re-merge keeps the Solicitor's way of writing it.</summary>
    public string Print(DateOnly date) => Style switch
    {
        Form.Long => LetterMerge.Long(date),
        Form.Abbreviated => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
        Form.NumericPadded => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture),
        Form.Numeric => date.ToString("M/d/yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Finds the dates a letter's text states, in the forms a person writes them: "August 1, 2027", "Aug 1, 2027",
/// "08/01/2027", "8/1/2027" and "2027-08-01". Strings that look like a date but name none (February 30) are not dates.
/// </summary>
public static partial class LetterDates
{
    public static IReadOnlyList<StatedDate> Find(string text, string where, bool numberLines)
    {
        var found = new List<StatedDate>();
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var place = numberLines ? $"line {i + 1} of the {where}" : $"the {where}";
            foreach (Match m in Pattern().Matches(line))
            {
                if (Parse(m) is { } parsed)
                {
                    found.Add(new StatedDate(parsed.Date, m.Value, place, Sentence(line, m.Index, m.Length), i, m.Index, parsed.Style));
                }
            }
        }
        return found;
    }

    /// <summary>
    /// Rewrites every statement of <paramref name="from"/> as <paramref name="to"/>, in the same style; the rest of the text
    /// is left as it is. With <paramref name="onlyInstant"/> only the effective-instant phrase is rewritten (the old date is
    /// also another fact of the letter, which must keep its statements).
    /// </summary>
    public static (string Text, int Replaced) Replace(string text, DateOnly from, DateOnly to, bool onlyInstant)
    {
        var replaced = 0;
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Pattern().Replace(lines[i], m =>
            {
                if (Parse(m) is not { } parsed || parsed.Date != from
                    || (onlyInstant && !m.Result("$`").EndsWith(InstantLead, StringComparison.Ordinal)))
                {
                    return m.Value;
                }
                replaced++;
                return new StatedDate(from, m.Value, "", "", i, m.Index, parsed.Style).Print(to);
            });
        }
        return (string.Join('\n', lines), replaced);
    }

    /// <summary>The words that lead the merge field effective_instant up to its date.</summary>
    public const string InstantLead = "12:00 a.m. Eastern Time on ";

    private static (DateOnly Date, StatedDate.Form Style)? Parse(Match m)
    {
        int year, month, day;
        StatedDate.Form style;
        if (m.Groups["mname"].Success)
        {
            var name = m.Groups["mname"].Value;
            month = Array.FindIndex(Months, n => n.StartsWith(name[..3], StringComparison.Ordinal)) + 1;
            (day, year) = (Int(m.Groups["ld"]), Int(m.Groups["ly"]));
            style = name.Length > 4 || name == "May" || name == "June" || name == "July" ? StatedDate.Form.Long : StatedDate.Form.Abbreviated;
        }
        else if (m.Groups["nm"].Success)
        {
            (month, day, year) = (Int(m.Groups["nm"]), Int(m.Groups["nd"]), Int(m.Groups["ny"]));
            style = m.Groups["nm"].Length == 2 || m.Groups["nd"].Length == 2 ? StatedDate.Form.NumericPadded : StatedDate.Form.Numeric;
        }
        else
        {
            (year, month, day) = (Int(m.Groups["iy"]), Int(m.Groups["im"]), Int(m.Groups["id"]));
            style = StatedDate.Form.Iso;
        }
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        return (new DateOnly(year, month, day), style);
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    private static string Sentence(string line, int index, int length)
    {
        var (start, end) = (0, line.Length);
        foreach (Match boundary in SentenceEnd().Matches(line))
        {
            if (boundary.Index + boundary.Length <= index)
            {
                start = boundary.Index + boundary.Length;
            }
            else if (boundary.Index >= index + length)
            {
                end = boundary.Index;
                break;
            }
        }
        var sentence = line[start..end].Trim();
        return sentence.Length <= 160 ? sentence : sentence[..157] + "…";
    }

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    // A full stop that ends a sentence: followed by a capital, and not the end of "a.m.", "p.m." or an initial ("U.S.").
    [GeneratedRegex(@"(?<=(?<!\b(?:a\.m|p\.m|[A-Z]|Mr|Ms|Mrs|Dr|No|St))[.!?][""”)]?)\s+(?=[A-Z""“(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<![\w/-])(?:(?<mname>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?[ \u00A0]+(?<ld>\d{1,2})(?:st|nd|rd|th)?,?[ \u00A0]+(?<ly>\d{4})|(?<nm>\d{1,2})/(?<nd>\d{1,2})/(?<ny>\d{4})|(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2}))(?![\w/-])")]
    private static partial Regex Pattern();
}
