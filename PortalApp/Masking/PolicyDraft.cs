using Portal.Data.Entities;

namespace PortalApp.Masking;

/// <summary>The Admin's working copy of the matrix and row rules, before it is saved as a new version.</summary>
public sealed class PolicyDraft
{
    public Dictionary<string, Dictionary<string, MaskingAction>> Fields { get; } = [];
    public Dictionary<string, HashSet<InvolvementRole>> Rows { get; } = [];

    public static PolicyDraft From(PolicySnapshot snapshot)
    {
        var draft = new PolicyDraft();
        foreach (var role in MaskingPolicyService.EditableRoles)
        {
            var policy = snapshot.Roles.GetValueOrDefault(role);
            draft.Fields[role] = RecordFields.All.ToDictionary(f => f, f => policy?.ActionFor(f) ?? MaskingAction.Redact);
            draft.Rows[role] = policy is null ? [] : [.. policy.VisibleRoles];
        }
        return draft;
    }

    public RolePolicy ToRolePolicy(string role, string source) =>
        new(role, Fields[role], Rows[role], source);

    /// <summary>"Role.Field: Before→After" for every difference, for the access log.</summary>
    public List<string> ChangesFrom(PolicyDraft before)
    {
        var changes = new List<string>();
        foreach (var (role, fields) in Fields)
        {
            foreach (var (field, action) in fields)
            {
                var old = before.Fields.GetValueOrDefault(role)?.GetValueOrDefault(field) ?? MaskingAction.Redact;
                if (old != action)
                {
                    changes.Add($"{role}.{field}: {old}→{action}");
                }
            }
            var oldRows = before.Rows.GetValueOrDefault(role) ?? [];
            if (!oldRows.SetEquals(Rows[role]))
            {
                changes.Add($"{role} rows: {Describe(oldRows)}→{Describe(Rows[role])}");
            }
        }
        return changes;
    }

    public MaskingPolicyVersion ToVersion(int version, DateTimeOffset now, string by, string note) => new()
    {
        Version = version,
        CreatedUtc = now,
        CreatedBy = by,
        Note = note,
        Rules = [.. Fields.SelectMany(r => r.Value.Select(f => new MaskingRule { Role = r.Key, Field = f.Key, Action = f.Value }))],
        RowRules = [.. Rows.SelectMany(r => r.Value.Select(i => new RowRule { Role = r.Key, InvolvementRole = i }))],
    };

    private static string Describe(IEnumerable<InvolvementRole> roles) =>
        roles.Any() ? string.Join("+", roles.Order()) : "none";
}
