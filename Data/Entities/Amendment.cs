namespace Portal.Data.Entities;

public sealed class Amendment
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public DateOnly EffectiveDate { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>The data schedule: what the outside agency may see while this amendment is in force.</summary>
    public DataSchedule Schedule { get; set; } = new();

    /// <summary>SHA-256 (hex) of the amendment's content; a ballot binds to it.</summary>
    public string ContentHash { get; set; } = "";
}

/// <summary>Which involvement roles and person/arrest fields the outside agency may see.</summary>
public sealed class DataSchedule
{
    public List<InvolvementRole> VisibleRoles { get; set; } = [];
    public Dictionary<string, MaskingAction> Fields { get; set; } = [];
    public bool IncludesImmigrationStatus { get; set; }
}
