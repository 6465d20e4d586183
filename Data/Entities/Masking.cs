namespace Portal.Data.Entities;

public enum MaskingAction
{
    Show,
    Partial,
    Pseudonym,
    Redact,
}

/// <summary>A version of the masking policy; the newest is in force. Versions are never edited, only added.</summary>
public sealed class MaskingPolicyVersion
{
    public int Id { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Note { get; set; } = "";
    public List<MaskingRule> Rules { get; set; } = [];
    public List<RowRule> RowRules { get; set; } = [];
}

public sealed class MaskingRule
{
    public int Id { get; set; }
    public int PolicyVersionId { get; set; }
    public string Role { get; set; } = "";
    public string Field { get; set; } = "";
    public MaskingAction Action { get; set; }
}

/// <summary>A role may see rows of this involvement role.</summary>
public sealed class RowRule
{
    public int Id { get; set; }
    public int PolicyVersionId { get; set; }
    public string Role { get; set; } = "";
    public InvolvementRole InvolvementRole { get; set; }
}
