using System.Globalization;
using Portal.Data.Entities;

namespace PortalApp.Records;

/// <summary>
/// One filter of the records list, described once: its key in the URL and the access log, the record field it touches
/// (a role filters only on fields it sees unmasked; null where another rule guards it), how a person names it, the
/// bound on its free text, and how its value is read into a query. The URL, the access log's text, the form's counts and
/// <see cref="RecordQueryRules"/> all read <see cref="All"/>. A new filter is an entry there, a property on
/// <see cref="RecordQuery"/>, its condition in <see cref="RecordSearchService"/> and, if the form shows it, a property on
/// <see cref="RecordQueryModel"/> and an input in RecordFilters.razor.
/// </summary>
public sealed record RecordFilterField(
    string Key, string? RecordField, string Label, Func<RecordQuery, object?> Value, Func<RecordQuery, string?, RecordQuery> Read,
    int? MaxLength = null, bool InMoreFilters = true)
{
    public static readonly IReadOnlyList<RecordFilterField> All =
    [
        new("name", RecordFields.Name, "name", q => q.Name, (q, v) => q with { Name = v }, MaxLength: 100, InMoreFilters: false),
        new("dc", RecordFields.DcNumber, "DC number", q => q.DcNumber, (q, v) => q with { DcNumber = v }, MaxLength: 20),
        new("from", RecordFields.ArrestDate, "arrest date", q => q.From, (q, v) => q with { From = Date(v) }),
        new("to", RecordFields.ArrestDate, "arrest date", q => q.To, (q, v) => q with { To = Date(v) }),
        new("district", RecordFields.District, "police district", q => q.District,
            (q, v) => q with { District = int.TryParse(v, CultureInfo.InvariantCulture, out var district) ? district : null }),
        new("charge", RecordFields.Charges, "charge", q => q.Statute, (q, v) => q with { Statute = v }, MaxLength: 40),
        // Which involvements a role sees is its schedule's visible roles, checked by RecordQueryRules, not a field's mask.
        new("role", null, "involvement", q => q.Role,
            (q, v) => q with { Role = Enum.TryParse<InvolvementRole>(v, true, out var role) ? role : null }),
        new("placeOfBirth", RecordFields.PlaceOfBirth, "place of birth", q => q.PlaceOfBirth, (q, v) => q with { PlaceOfBirth = v }, MaxLength: 100),
        new("race", RecordFields.Race, "race", q => q.Race, (q, v) => q with { Race = v }, MaxLength: 60, InMoreFilters: false),
        new("ethnicity", RecordFields.Ethnicity, "ethnicity", q => q.Ethnicity, (q, v) => q with { Ethnicity = v }, MaxLength: 60, InMoreFilters: false),
    ];

    /// <summary>The value as the URL and the access log write it, or null when unset.</summary>
    public string? Text(RecordQuery query) => Value(query) switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        var value => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Set to something a search uses (blank text is no filter).</summary>
    public bool IsSet(RecordQuery query) => !string.IsNullOrWhiteSpace(Text(query));

    /// <summary>A query with the filters of <paramref name="query"/> and the list's default sort and page.</summary>
    public static RecordQuery FiltersOf(RecordQuery query) => All.Aggregate(new RecordQuery(), (copy, filter) => filter.Read(copy, filter.Text(query)));

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
