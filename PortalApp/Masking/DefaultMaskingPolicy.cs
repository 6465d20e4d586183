using Portal.Data.Entities;
using PortalApp.Authorization;

namespace PortalApp.Masking;

/// <summary>
/// Version 1 of the masking policy, seeded with the demo. The clerk works with the least masking; the
/// signatories' officials oversee with identities masked. The liaison's rules are not here: they come
/// from the agreement's data schedule.
/// </summary>
public static class DefaultMaskingPolicy
{
    public static MaskingPolicyVersion Build(DateTimeOffset now) => new()
    {
        Version = 1,
        CreatedUtc = now,
        CreatedBy = "system",
        Note = "Initial policy",
        Rules =
        [
            .. RecordFields.All.Select(f => new MaskingRule { Role = Roles.Clerk, Field = f, Action = MaskingAction.Show }),
            .. Stakeholder.Select(r => new MaskingRule { Role = Roles.Stakeholder, Field = r.Key, Action = r.Value }),
        ],
        RowRules =
        [
            .. Enum.GetValues<InvolvementRole>().Select(r => new RowRule { Role = Roles.Clerk, InvolvementRole = r }),
            .. Enum.GetValues<InvolvementRole>().Select(r => new RowRule { Role = Roles.Stakeholder, InvolvementRole = r }),
        ],
    };

    private static readonly Dictionary<string, MaskingAction> Stakeholder = new()
    {
        [RecordFields.Name] = MaskingAction.Partial,
        [RecordFields.DateOfBirth] = MaskingAction.Partial,
        [RecordFields.Address] = MaskingAction.Redact,
        [RecordFields.Zip] = MaskingAction.Partial,
        [RecordFields.Phone] = MaskingAction.Redact,
        [RecordFields.StateId] = MaskingAction.Pseudonym,
        [RecordFields.PlaceOfBirth] = MaskingAction.Redact,
        [RecordFields.Race] = MaskingAction.Redact,
        [RecordFields.Ethnicity] = MaskingAction.Redact,
        [RecordFields.Sex] = MaskingAction.Show,
        [RecordFields.DcNumber] = MaskingAction.Show,
        [RecordFields.ArrestDate] = MaskingAction.Show,
        [RecordFields.District] = MaskingAction.Show,
        [RecordFields.Charges] = MaskingAction.Show,
        [RecordFields.Officer] = MaskingAction.Partial,
    };
}
