using Portal.Data.Entities;

namespace PortalApp.Records;

/// <summary>The search form's editable state (the filters only); becomes an immutable <see cref="RecordQuery"/> for each load.</summary>
public sealed class RecordQueryModel
{
    private RecordQuery filters = new();

    public string? Name { get => filters.Name; set => filters = filters with { Name = value }; }
    public string? DcNumber { get => filters.DcNumber; set => filters = filters with { DcNumber = value }; }
    public DateOnly? From { get => filters.From; set => filters = filters with { From = value }; }
    public DateOnly? To { get => filters.To; set => filters = filters with { To = value }; }
    public int? District { get => filters.District; set => filters = filters with { District = value }; }
    public string? Statute { get => filters.Statute; set => filters = filters with { Statute = value }; }
    public InvolvementRole? Role { get => filters.Role; set => filters = filters with { Role = value }; }
    public string? PlaceOfBirth { get => filters.PlaceOfBirth; set => filters = filters with { PlaceOfBirth = value }; }
    public string? Race { get => filters.Race; set => filters = filters with { Race = value }; }
    public string? Ethnicity { get => filters.Ethnicity; set => filters = filters with { Ethnicity = value }; }

    public static RecordQueryModel Of(RecordQuery q) => new() { filters = RecordFilterField.FiltersOf(q) };

    public RecordQuery ToQuery() => filters;

    /// <summary>How many of the filters in the form's "More filters" panel are set.</summary>
    public int MoreFiltersSet => RecordFilterField.All.Count(f => f.InMoreFilters && f.Value(filters) is not null and not "");

    public void Clear() => filters = new();
}
