using System.Globalization;
using Portal.Data.Entities;

namespace PortalApp.Masking;

/// <summary>What each masking action makes of a raw value, field by field. Pure functions, no I/O.</summary>
public static class MaskingFunctions
{
    public const string Redacted = "[redacted]";

    private static readonly Dictionary<int, string> Divisions = new()
    {
        [1] = "South", [3] = "South", [17] = "South",
        [12] = "Southwest", [16] = "Southwest", [18] = "Southwest", [19] = "Southwest",
        [6] = "Central", [9] = "Central", [22] = "Central",
        [24] = "East", [25] = "East", [26] = "East",
        [2] = "Northeast", [7] = "Northeast", [8] = "Northeast", [15] = "Northeast",
        [5] = "Northwest", [14] = "Northwest", [35] = "Northwest", [39] = "Northwest",
    };

    public static string Apply(string scope, string field, MaskingAction action, string raw, Pseudonymizer pseudonyms) =>
        raw.Length == 0 ? "" : action switch
        {
            MaskingAction.Show => raw,
            MaskingAction.Pseudonym => pseudonyms.For(scope, field, raw),
            MaskingAction.Partial => Partial(field, raw),
            _ => Redacted,
        };

    /// <summary>The partial form: initials, year of birth, ZIP only, last four, and so on.</summary>
    public static string Partial(string field, string raw) => field switch
    {
        RecordFields.Name or RecordFields.Officer => Initials(raw),
        RecordFields.DateOfBirth => raw[..4],
        RecordFields.Address => raw[(raw.LastIndexOf(' ') + 1)..],
        RecordFields.Zip => raw[..3] + "••",
        RecordFields.Phone or RecordFields.StateId or RecordFields.DcNumber => "…" + LastDigits(raw, 4),
        RecordFields.PlaceOfBirth => raw.EndsWith(", USA", StringComparison.Ordinal) ? "United States" : "Outside the United States",
        RecordFields.ArrestDate => DateTime.Parse(raw, CultureInfo.InvariantCulture).ToString("MMM yyyy", CultureInfo.InvariantCulture),
        RecordFields.District => int.TryParse(raw, out var d) && Divisions.TryGetValue(d, out var division) ? $"{division} Division" : "Division unknown",
        RecordFields.Charges => string.Join(", ", raw.Split('\n').Select(c => c[(c.LastIndexOf('(') + 1)..].TrimEnd(')'))),
        _ => raw[..1] + ".",
    };

    private static string Initials(string raw) =>
        string.Join(" ", raw.Replace(",", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetter(w[0]))
            .Select(w => char.ToUpperInvariant(w[0]) + "."));

    private static string LastDigits(string raw, int count)
    {
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        return digits.Length <= count ? digits : digits[^count..];
    }
}
