using Portal.Data.Entities;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Masking;

namespace PortalApp.Records;

/// <summary>
/// Invariant 2 and the profiling safeguard, checked on the server for every query however it was built:
/// a role may filter and sort only on fields it sees unmasked, and the agency never on place of birth,
/// race or ethnicity, whatever its schedule says.
/// </summary>
public static class RecordQueryRules
{
    public static readonly IReadOnlySet<string> ProfilingFields = new HashSet<string> { RecordFields.PlaceOfBirth, RecordFields.Race, RecordFields.Ethnicity };

    /// <summary>The sorts the list offers, each backed by an index.</summary>
    public static readonly IReadOnlySet<string> SortableFields = new HashSet<string> { RecordFields.Name, RecordFields.DcNumber, RecordFields.ArrestDate, RecordFields.District };

    public sealed record Verdict(string Message, bool Flagged);

    public static bool MayUse(RolePolicy policy, string field) =>
        policy.SeesUnmasked(field) && !(policy.Role == Roles.AgencyLiaison && ProfilingFields.Contains(field));

    /// <summary>Null when the query may run; otherwise why not, and whether the attempt is flagged for the auditors.</summary>
    public static Verdict? Check(RolePolicy policy, RecordQuery query, int maxResultWindow)
    {
        var attempts = query.FilterFields().Select(f => (f.Field, $"filter by {f.Label}"))
            .Append((query.SortBy, $"sort by {query.SortBy}"));
        foreach (var (field, what) in attempts)
        {
            if (policy.Role == Roles.AgencyLiaison && ProfilingFields.Contains(field))
            {
                return new Verdict($"Refused: the agency may never search, filter or sort by place of birth, race or ethnicity (you asked to {what}). This attempt has been logged for review.", true);
            }
            if (!RecordFields.All.Contains(field))
            {
                return new Verdict($"Refused: there is no field \"{field}\" to {what.Split(' ')[0]} by. This attempt has been logged.", true);
            }
            if (!policy.SeesUnmasked(field))
            {
                return new Verdict($"Refused: you cannot {what} because that field is masked for your role by {policy.Source}. This attempt has been logged.", true);
            }
        }
        // The one rule for free text: bounded, no control characters, valid Unicode (it is also written to the access log).
        if (RecordFilterField.All.Where(f => f.MaxLength is not null)
                .Select(f => InputRules.Problem(f.Value(query) as string, $"The {f.Label}", f.MaxLength!.Value, required: false))
                .FirstOrDefault(p => p is not null) is { } textProblem)
        {
            return new Verdict(textProblem, false);
        }
        if (!SortableFields.Contains(query.SortBy))
        {
            return new Verdict($"Refused: the list cannot be sorted by {query.SortBy}; sort by name, DC number, arrest date or district.", true);
        }
        if (query.Role is { } role && !policy.VisibleRoles.Contains(role))
        {
            return new Verdict($"Refused: rows of {role.ToString().ToLowerInvariant()}s are not visible to your role under {policy.Source}. This attempt has been logged.", true);
        }
        if (query.From is { } from && query.To is { } to && from > to)
        {
            return new Verdict("The date range ends before it starts: pick a \"to\" date on or after the \"from\" date.", false);
        }
        if (query.PageSize is < 1 or > 100 || query.Page < 0)
        {
            return new Verdict("A page holds 1 to 100 records.", false);
        }
        if ((long)query.Page * query.PageSize >= maxResultWindow)
        {
            return new Verdict($"Only the first {maxResultWindow:N0} matches can be paged through: narrow the search.", false);
        }
        return null;
    }
}
