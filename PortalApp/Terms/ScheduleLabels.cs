using Portal.Data.Entities;

namespace PortalApp.Terms;

/// <summary>Plain-language names for roles and fields of a data schedule.</summary>
public static class ScheduleLabels
{
    public static string Plural(InvolvementRole role) => role switch
    {
        InvolvementRole.Witness => "Witnesses",
        _ => $"{role}s",
    };

    public static string Field(string field) => field switch
    {
        RecordFields.DateOfBirth => "Date of birth",
        RecordFields.StateId => "State ID",
        RecordFields.PlaceOfBirth => "Place of birth",
        RecordFields.DcNumber => "DC number",
        RecordFields.ArrestDate => "Arrest date",
        RecordFields.Zip => "ZIP",
        _ => field,
    };
}
