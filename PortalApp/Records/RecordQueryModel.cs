using Portal.Data.Entities;

namespace PortalApp.Records;

/// <summary>The search form's editable state; becomes an immutable <see cref="RecordQuery"/> for each load.</summary>
public sealed class RecordQueryModel
{
    public string? Name { get; set; }
    public string? DcNumber { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int? District { get; set; }
    public string? Statute { get; set; }
    public InvolvementRole? Role { get; set; }
    public string? PlaceOfBirth { get; set; }
    public string? Race { get; set; }
    public string? Ethnicity { get; set; }

    public static RecordQueryModel Of(RecordQuery q) => new()
    {
        Name = q.Name, DcNumber = q.DcNumber, From = q.From, To = q.To, District = q.District, Statute = q.Statute,
        Role = q.Role, PlaceOfBirth = q.PlaceOfBirth, Race = q.Race, Ethnicity = q.Ethnicity,
    };

    public RecordQuery ToQuery() => new()
    {
        Name = Name, DcNumber = DcNumber, From = From, To = To, District = District, Statute = Statute,
        Role = Role, PlaceOfBirth = PlaceOfBirth, Race = Race, Ethnicity = Ethnicity,
    };

    /// <summary>How many of the filters besides the name are set (those the form's "More filters" panel holds).</summary>
    public int MoreFiltersSet =>
        new object?[] { DcNumber, From, To, District, Statute, Role, PlaceOfBirth }.Count(v => v is not null and not "");

    public void Clear()
    {
        Name = DcNumber = Statute = PlaceOfBirth = Race = Ethnicity = null;
        From = To = null;
        District = null;
        Role = null;
    }
}
