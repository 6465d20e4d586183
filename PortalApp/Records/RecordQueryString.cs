using Portal.Data.Entities;

namespace PortalApp.Records;

/// <summary>A search as URL parameters, so a search can be bookmarked and exported. Read by the page and the export endpoint alike.</summary>
public static class RecordQueryString
{
    public static RecordQuery Parse(Func<string, string?> get) =>
        RecordFilterField.All.Aggregate(new RecordQuery(), (query, filter) => filter.Read(query, get(filter.Key))) with
        {
            SortBy = get("sort") is { Length: > 0 } sort ? sort : RecordFields.ArrestDate,
            Descending = get("dir") != "asc",
        };

    public static string Format(RecordQuery q)
    {
        IEnumerable<(string Key, string? Value)> pairs = RecordFilterField.All.Select(f => (f.Key, f.Text(q)));
        pairs = pairs.Append(("sort", q.SortBy == RecordFields.ArrestDate ? null : q.SortBy)).Append(("dir", q.Descending ? null : "asc"));
        return string.Join("&", pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.Trim())}"));
    }
}
