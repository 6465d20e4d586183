using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Terms;

namespace PortalApp.Masking;

/// <summary>
/// The masking policy as data: versions edited by the Admin, and the one answer to "what may this role see
/// now?" For the agency liaison that answer comes from the data schedule of the agreement in force, or is
/// a refusal when no agreement is in force.
/// </summary>
public sealed class MaskingPolicyService(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    ReferenceDataCache cache,
    MaskingService masking,
    TimeProvider time)
{
    /// <summary>The roles whose rules the Admin edits: those who may browse records, less the liaison (set by the agreement).</summary>
    public static readonly IReadOnlyList<string> EditableRoles =
        [.. CapabilityMap.RolesFor[Policies.BrowseRecords].Where(r => r != Roles.AgencyLiaison)];

    public static readonly IReadOnlyList<string> PreviewRoles = CapabilityMap.RolesFor[Policies.BrowseRecords];

    /// <summary>What <paramref name="user"/> may see now: by role, and for a liaison by their own agency's agreement.</summary>
    public Task<RecordAccess> AccessForAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        AccessForRoleAsync(user.PortalRole(), user.AgencyId(), ct);

    /// <summary>What a role may see now; for the liaison, a liaison of <paramref name="agencyId"/>.</summary>
    public async Task<RecordAccess> AccessForRoleAsync(string? role, int? agencyId = null, CancellationToken ct = default)
    {
        if (role == Roles.AgencyLiaison)
        {
            return agencyId is { } id
                ? await LiaisonAccessAsync(id, ct)
                : RecordAccess.Refused("Your account belongs to no agency, so it has no access to records. Ask the administrator to set your agency.");
        }
        var snapshot = await CurrentAsync(ct);
        return role is not null && snapshot.Roles.TryGetValue(role, out var policy)
            ? RecordAccess.Granted(policy)
            : RecordAccess.Refused("Your role has no access to arrest records.");
    }

    /// <summary>The policy in force (kept in memory until a new version is saved).</summary>
    public Task<PolicySnapshot> CurrentAsync(CancellationToken ct = default) => cache.PolicyAsync(ReadCurrentAsync, ct);

    private async Task<PolicySnapshot> ReadCurrentAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.MaskingPolicyVersions.AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => new { v.Id, v.Version }).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return PolicySnapshot.Empty;
        }
        var rules = await db.MaskingRules.AsNoTracking().Where(r => r.PolicyVersionId == latest.Id).ToListAsync(ct);
        var rows = await db.RowRules.AsNoTracking().Where(r => r.PolicyVersionId == latest.Id).ToListAsync(ct);
        return new PolicySnapshot(latest.Version, EditableRoles.ToDictionary(
            role => role,
            role => new RolePolicy(role,
                rules.Where(r => r.Role == role).ToDictionary(r => r.Field, r => r.Action),
                rows.Where(r => r.Role == role).Select(r => r.InvolvementRole).ToHashSet(),
                $"policy v{latest.Version}")));
    }

    /// <summary>
    /// The agreement the signed-in liaison's access follows, found exactly as <see cref="AccessForAsync"/> finds it, so
    /// the pages that tell the liaison about their access speak of the agreement that is enforced.
    /// </summary>
    public async Task<Agreement?> LiaisonAgreementAsync(CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.BrowseRecords, ct: ct);
        return user.AgencyId() is { } agencyId ? (await AgencyAsync(agencyId, ct)).Governing(time.GetUtcNow())?.Agreement : null;
    }

    // Every liaison search and view asks this: the agency's agreements and their amendments come from memory while unchanged.
    private Task<AgencySchedules> AgencyAsync(int agencyId, CancellationToken ct) => cache.AgencyAsync(agencyId, async token =>
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, token);
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Amendments).Where(a => a.AgencyId == agencyId).ToListAsync(token);
        var schedules = new List<LiaisonSchedule>(agreements.Count);
        foreach (var agreement in agreements)
        {
            schedules.Add(new LiaisonSchedule(agreement, [.. agreement.Amendments], await AmendmentAdoptions.LoadAsync(db, agreement.Id, token)));
        }
        return new AgencySchedules(agency, schedules);
    }, ct);

    private async Task<RecordAccess> LiaisonAccessAsync(int agencyId, CancellationToken ct)
    {
        var agency = await AgencyAsync(agencyId, ct);
        var now = time.GetUtcNow();
        var name = agency.Agency?.Name ?? "your agency";
        if (agency.Governing(now) is not { } found)
        {
            return RecordAccess.Refused($"There is no agreement with {name}, so its liaisons have no access to records.");
        }
        var agreement = found.Agreement;
        if (!AgreementTerms.IsInForce(agreement, now))
        {
            return RecordAccess.Refused(agreement is { TerminationEffectiveUtc: { } ended, TerminationLetterNumber: { } letter }
                ? $"The agreement {agreement.Reference} is no longer in force: access ended on {Common.PortalTime.ToCity(ended).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)} under letter {letter}."
                : $"The agreement {agreement.Reference} is not in force ({agreement.Status}), so the agency has no access to records.");
        }
        if (ScheduleInForce.On(found.Amendments, Common.PortalTime.CityDate(now), found.AdoptedOn) is not { } amendment)
        {
            return RecordAccess.Refused($"The agreement {agreement.Reference} has no data schedule in force, so the agency has no access to records.");
        }
        return RecordAccess.Granted(new RolePolicy(Roles.AgencyLiaison,
            amendment.Schedule.Fields,
            amendment.Schedule.VisibleRoles.ToHashSet(),
            $"the data schedule of amendment {amendment.Number} of {agreement.Reference}")
        {
            Limits = new VolumeLimits(agreement.MaxPeoplePerHour, agreement.MaxPeoplePerDay),
        });
    }

    public async Task<PolicyDraft> DraftFromCurrentAsync(CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ManagePolicy, ct: ct);
        var snapshot = await CurrentAsync(ct);
        return PolicyDraft.From(snapshot);
    }

    /// <summary>Each agency with what its liaisons may see now (for the Admin, who edits every other role's column).</summary>
    public async Task<IReadOnlyList<AgencyAccess>> LiaisonAccessByAgencyAsync(CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ManagePolicy, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.ShortName).ToListAsync(ct);
        var result = new List<AgencyAccess>(agencies.Count);
        foreach (var agency in agencies)
        {
            result.Add(new AgencyAccess(agency, await LiaisonAccessAsync(agency.Id, ct)));
        }
        return result;
    }

    /// <summary>
    /// A fictional specimen as the role would see it under the draft (or, for a liaison of <paramref name="agencyId"/>,
    /// the schedule in force).
    /// </summary>
    public async Task<(Masking.RecordDetail? Preview, string? Refusal)> PreviewAsync(string role, int? agencyId, PolicyDraft draft, CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ManagePolicy, ct: ct);
        if (draft.Fields.ContainsKey(role))
        {
            return (masking.Preview(draft.ToRolePolicy(role, "this draft")), null);
        }
        var access = await AccessForRoleAsync(role, agencyId, ct);
        return access.Policy is { } policy ? (masking.Preview(policy), null) : (null, access.Refusal);
    }

    public async Task<IReadOnlyList<PolicyVersionSummary>> HistoryAsync(CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ManagePolicy, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await db.MaskingPolicyVersions.AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => new PolicyVersionSummary(v.Version, v.CreatedUtc, v.CreatedBy, v.Note)).ToListAsync(ct);
        return versions;
    }

    /// <summary>Saves the draft as a new version (versions are never edited) and logs every change, before and after.</summary>
    public async Task<Common.OperationResult> SaveAsync(PolicyDraft draft, string note, CancellationToken ct = default)
    {
        var admin = await capabilities.RequireAsync(Policies.ManagePolicy, ct: ct);
        if (string.IsNullOrWhiteSpace(note))
        {
            return Common.OperationResult.Fail("Say why the policy changes: a note is required.");
        }
        if (Common.InputRules.Problem(note, "The note", 500) is { } noteProblem)
        {
            return Common.OperationResult.Fail(noteProblem);
        }
        var before = await CurrentAsync(ct);
        var changes = draft.ChangesFrom(PolicyDraft.From(before));
        if (changes.Count == 0)
        {
            return Common.OperationResult.Fail("Nothing changed: the draft is the same as the policy in force.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The log is written first: if it fails, the change is not made. The unique version index stops two admins racing.
        var next = (await db.MaskingPolicyVersions.MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;
        db.MaskingPolicyVersions.Add(draft.ToVersion(next, time.GetUtcNow(), admin.Identity?.Name ?? "", note.Trim()));
        await accessLog.AppendAsync(new AccessEvent(AccessActions.PolicyChange)
        {
            Actor = admin,
            Target = $"masking-policy:v{next}",
            Filters = $"note: {note.Trim()}; " + string.Join("; ", changes),
        }, ct);
        await db.SaveChangesAsync(ct);
        return Common.OperationResult.Ok($"Masking policy v{next} is in force ({changes.Count} change{(changes.Count == 1 ? "" : "s")}).");
    }
}

public sealed record PolicySnapshot(int Version, IReadOnlyDictionary<string, RolePolicy> Roles)
{
    public static readonly PolicySnapshot Empty = new(0, new Dictionary<string, RolePolicy>());
}

public sealed record AgencyAccess(Agency Agency, RecordAccess Access);

public sealed record PolicyVersionSummary(int Version, DateTimeOffset CreatedUtc, string CreatedBy, string Note);
