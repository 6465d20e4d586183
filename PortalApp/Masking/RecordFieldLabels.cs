using Portal.Data.Entities;

namespace PortalApp.Masking;

/// <summary>How the record fields read to a person.</summary>
public static class RecordFieldLabels
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [RecordFields.Name] = "Name",
        [RecordFields.DateOfBirth] = "Date of birth",
        [RecordFields.Address] = "Address",
        [RecordFields.Zip] = "ZIP code",
        [RecordFields.Phone] = "Phone",
        [RecordFields.StateId] = "State ID",
        [RecordFields.PlaceOfBirth] = "Place of birth",
        [RecordFields.Race] = "Race",
        [RecordFields.Ethnicity] = "Ethnicity",
        [RecordFields.Sex] = "Sex",
        [RecordFields.DcNumber] = "DC number",
        [RecordFields.ArrestDate] = "Arrested",
        [RecordFields.District] = "District",
        [RecordFields.Charges] = "Charges",
        [RecordFields.Officer] = "Arresting officer",
    };

    public static string For(string field) => Labels.GetValueOrDefault(field, field);
}
