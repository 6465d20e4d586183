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
    public IEnumerable<(string Field, string Label)> FilterFields() =>
        RecordFilterField.All.Where(f => f.RecordField is not null && f.IsSet(this)).Select(f => (f.RecordField!, f.Label)).Distinct();

    public bool HasFilters => RecordFilterField.All.Any(f => f.IsSet(this));

    /// <summary>The query as the access log keeps it. Filter values are the user's own input, never masked data.</summary>
    public string Describe() => string.Join("; ", RecordFilterField.All
        .Where(f => f.IsSet(this))
        .Select(f => $"{f.Key}={f.Text(this)!.Trim()}")
        .Append($"sort={SortBy} {(Descending ? "desc" : "asc")}")
        .Append($"page={Page + 1}")
        .Append($"size={PageSize}"));
}
