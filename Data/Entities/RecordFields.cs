namespace Portal.Data.Entities;

/// <summary>The names of the record fields that masking rules and data schedules speak of.</summary>
public static class RecordFields
{
    public const string Name = nameof(Name);
    public const string DateOfBirth = nameof(DateOfBirth);
    public const string Address = nameof(Address);
    public const string Zip = nameof(Zip);
    public const string Phone = nameof(Phone);
    public const string StateId = nameof(StateId);
    public const string PlaceOfBirth = nameof(PlaceOfBirth);
    public const string Race = nameof(Race);
    public const string Ethnicity = nameof(Ethnicity);
    public const string Sex = nameof(Sex);
    public const string DcNumber = nameof(DcNumber);
    public const string ArrestDate = nameof(ArrestDate);
    public const string District = nameof(District);
    public const string Charges = nameof(Charges);
    public const string Officer = nameof(Officer);

    public static readonly IReadOnlyList<string> All =
        [Name, DateOfBirth, Address, Zip, Phone, StateId, PlaceOfBirth, Race, Ethnicity, Sex, DcNumber, ArrestDate, District, Charges, Officer];
}
