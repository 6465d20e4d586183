using System.Globalization;
using Portal.Data.Entities;

namespace PortalApp.Records;

/// <summary>A search as URL parameters, so a search can be bookmarked and exported. Read by the page and the export endpoint alike.</summary>
public static class RecordQueryString
{
    public static RecordQuery Parse(Func<string, string?> get) => new()
    {
        Name = get("name"),
        DcNumber = get("dc"),
        From = DateOnly.TryParseExact(get("from"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
        To = DateOnly.TryParseExact(get("to"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) ? to : null,
        District = int.TryParse(get("district"), CultureInfo.InvariantCulture, out var district) ? district : null,
        Statute = get("charge"),
        Role = Enum.TryParse<InvolvementRole>(get("role"), true, out var role) ? role : null,
        PlaceOfBirth = get("placeOfBirth"),
        Race = get("race"),
        Ethnicity = get("ethnicity"),
        SortBy = get("sort") is { Length: > 0 } sort ? sort : RecordFields.ArrestDate,
        Descending = get("dir") != "asc",
    };

    public static string Format(RecordQuery q)
    {
        var pairs = new List<(string, string?)>
        {
            ("name", q.Name), ("dc", q.DcNumber),
            ("from", q.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("to", q.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("district", q.District?.ToString(CultureInfo.InvariantCulture)), ("charge", q.Statute),
            ("role", q.Role?.ToString()), ("placeOfBirth", q.PlaceOfBirth), ("race", q.Race), ("ethnicity", q.Ethnicity),
            ("sort", q.SortBy == RecordFields.ArrestDate ? null : q.SortBy), ("dir", q.Descending ? null : "asc"),
        };
        return string.Join("&", pairs.Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));
    }
}
