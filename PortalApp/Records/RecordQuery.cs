using System.Globalization;
using Portal.Data.Entities;

namespace PortalApp.Records;

/// <summary>A search of the records list: filters, one sort and a page. Every filter and sort names the field it touches.</summary>
public sealed record RecordQuery
{
    public string? Name { get; init; }
    public string? DcNumber { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? District { get; init; }
    public string? Statute { get; init; }
    public InvolvementRole? Role { get; init; }
    public string? PlaceOfBirth { get; init; }
    public string? Race { get; init; }
    public string? Ethnicity { get; init; }
    public string SortBy { get; init; } = RecordFields.ArrestDate;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;

    /// <summary>The fields this query filters on, each with how a person would name it.</summary>
    public IEnumerable<(string Field, string Label)> FilterFields()
    {
        if (Has(Name)) yield return (RecordFields.Name, "name");
        if (Has(DcNumber)) yield return (RecordFields.DcNumber, "DC number");
        if (From is not null || To is not null) yield return (RecordFields.ArrestDate, "arrest date");
        if (District is not null) yield return (RecordFields.District, "police district");
        if (Has(Statute)) yield return (RecordFields.Charges, "charge");
        if (Has(PlaceOfBirth)) yield return (RecordFields.PlaceOfBirth, "place of birth");
        if (Has(Race)) yield return (RecordFields.Race, "race");
        if (Has(Ethnicity)) yield return (RecordFields.Ethnicity, "ethnicity");
    }

    public bool HasFilters => FilterFields().Any() || Role is not null;

    /// <summary>The query as the access log keeps it. Filter values are the user's own input, never masked data.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null && (value is not string s || s.Length > 0))
            {
                parts.Add($"{key}={Convert.ToString(value, CultureInfo.InvariantCulture)}");
            }
        }
        Add("name", Name?.Trim());
        Add("dc", DcNumber?.Trim());
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("district", District);
        Add("charge", Statute);
        Add("role", Role);
        Add("placeOfBirth", PlaceOfBirth);
        Add("race", Race);
        Add("ethnicity", Ethnicity);
        parts.Add($"sort={SortBy} {(Descending ? "desc" : "asc")}");
        parts.Add($"page={Page + 1}");
        parts.Add($"size={PageSize}");
        return string.Join("; ", parts);
    }

    private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);
}
