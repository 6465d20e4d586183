using Portal.Data.Entities;

namespace PortalApp.Masking;

/// <summary>What one role may see: an action per field and the involvement roles whose rows it sees.</summary>
public sealed record RolePolicy(
    string Role,
    IReadOnlyDictionary<string, MaskingAction> Fields,
    IReadOnlySet<InvolvementRole> VisibleRoles,
    string Source)
{
    /// <summary>A field the policy does not mention is redacted: the safe default.</summary>
    public MaskingAction ActionFor(string field) => Fields.TryGetValue(field, out var action) ? action : MaskingAction.Redact;

    public bool SeesUnmasked(string field) => ActionFor(field) == MaskingAction.Show;

    /// <summary>True when any field is masked for the role: small result sets are then withheld.</summary>
    public bool IsMasked => RecordFields.All.Any(f => !SeesUnmasked(f));

    public bool SeesAllRows => Enum.GetValues<InvolvementRole>().All(VisibleRoles.Contains);

    public IReadOnlyList<string> UnmaskedFields(IEnumerable<string> fields) => fields.Where(SeesUnmasked).ToList();

    /// <summary>For a liaison, the volume limits of the agreement in force (null: the portal's settings).</summary>
    public VolumeLimits? Limits { get; init; }
}

/// <summary>How many distinct people a liaison may reach in an hour and a day before their use is flagged.</summary>
public sealed record VolumeLimits(int? PerHour, int? PerDay);

/// <summary>The outcome of asking "what may this user see now?": a policy, or a refusal that says why not.</summary>
public sealed record RecordAccess(RolePolicy? Policy, string? Refusal)
{
    public static RecordAccess Granted(RolePolicy policy) => new(policy, null);

    public static RecordAccess Refused(string why) => new(null, why);

    public bool Allowed => Policy is not null;
}
