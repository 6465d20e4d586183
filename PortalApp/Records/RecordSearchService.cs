using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Masking;

namespace PortalApp.Records;

/// <summary>
/// Search, view and export of arrest records. Decides what may be asked (role, agreement, purpose, query
/// rules), finds the matching ids with index-only queries, lets the masking service read and mask the rows,
/// and logs every attempt, granted or refused, before any data is handed back.
/// </summary>
public sealed class RecordSearchService(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    MaskingPolicyService policies,
    MaskingService masking,
    AccessLog accessLog,
    PurposeRegistry purposes,
    LiaisonOversight oversight,
    IOptions<RecordsOptions> options,
    TimeProvider time)
{
    /// <summary>What the current user may do on /records now: the page enables filters and sorts from this.</summary>
    public async Task<RecordPermissions> PermissionsAsync(CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.BrowseRecords, ct: ct);
        var access = await policies.AccessForAsync(user, ct);
        var isLiaison = user.IsInRole(Roles.AgencyLiaison);
        return access.Policy is not { } policy
            ? new RecordPermissions(false, access.Refusal, "", new HashSet<string>(), [], isLiaison, null)
            : new RecordPermissions(true, null, policy.Source,
                RecordFields.All.Where(f => RecordQueryRules.MayUse(policy, f)).ToHashSet(),
                Enum.GetValues<InvolvementRole>().Where(policy.VisibleRoles.Contains).ToList(),
                isLiaison, isLiaison ? purposes.Get(user) : null);
    }

    public async Task<OperationResult> StatePurposeAsync(string reasonCode, string? caseNumber, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.BrowseRecords, ct: ct);
        if (!StatedPurpose.ReasonCodes.Contains(reasonCode))
        {
            return OperationResult.Fail("Choose one of the listed reason codes.");
        }
        var caseText = caseNumber?.Trim();
        if (caseText is { Length: > 40 } || (caseText?.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '/' and not '.') ?? false))
        {
            return OperationResult.Fail("A case number has at most 40 letters, digits, dashes, slashes or dots.");
        }
        purposes.Set(user, new StatedPurpose(reasonCode, string.IsNullOrEmpty(caseText) ? null : caseText, time.GetUtcNow()));
        return OperationResult.Ok(string.IsNullOrEmpty(caseText)
            ? "Purpose recorded. Without a case number, each search is flagged for review."
            : "Purpose recorded; it goes into the log of every search and view.");
    }

    public async Task<RecordSearchResult> SearchAsync(RecordQuery query, CancellationToken ct = default)
    {
        var gate = await AdmitAsync(AccessActions.Search, query, ct);
        if (gate.Refusal is not null)
        {
            return RecordSearchResult.Refused(gate.Refusal);
        }
        var policy = gate.Policy!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matches = Matching(db, policy, query);
        // Count exactly up to ExactCountUpTo (10,000 index entries cost a few milliseconds) and, deeper, a little past
        // the requested page (as "1–25 of many" does): an exact count of a million-row match would cost more than the
        // page itself (counting up to the 50,000 rows the role could page through took 24 ms at the median on a
        // million records). Paging on raises the horizon. One row past the window tells the log "more than the window"
        // from "exactly the window".
        var window = Math.Min(options.Value.MaxResultWindow, Math.Max(options.Value.ExactCountUpTo, (query.Page + 20) * query.PageSize));
        var offset = query.Page * query.PageSize;
        List<int>? ahead = null;
        if (query.Page >= 20)
        {
            // Deep in a result the rows skipped are most of the counting window: one walk from the page's first row
            // to the window's end gives both the page and the count.
            ahead = await Sorted(policy, matches, query).Skip(offset).Take(window + 1 - offset).Select(i => i.Id).ToListAsync(ct);
        }
        var counted = ahead is { Count: > 0 } ? offset + ahead.Count : await matches.Select(i => i.Id).Take(window + 1).CountAsync(ct);
        var total = Math.Min(counted, window);
        var withheld = WouldSingleOut(policy, query, total);
        IReadOnlyList<RecordRow> rows = [];
        if (!withheld && total > 0)
        {
            var ids = ahead is not null
                ? ahead.Take(query.PageSize).ToList()
                : await Sorted(policy, matches, query).Skip(offset).Take(query.PageSize).Select(i => i.Id).ToListAsync(ct);
            rows = await masking.ReadRowsAsync(policy, ids, ct);
        }
        await LogAsync(gate, AccessActions.Search, query.Describe(), withheld ? 0 : total, MaskingService.ListFields, ct,
            withheld ? $"withheld: fewer than {options.Value.MinimumResultSize} matches" : null, reach: new RecordReach(rows.Count, !withheld && counted > window));
        return new RecordSearchResult(rows, withheld ? 0 : total, total >= window, null,
            withheld ? $"Fewer than {options.Value.MinimumResultSize} records match. They are withheld so that no person is singled out by a filter: broaden the search." : null,
            policy.Source);
    }

    public async Task<RecordViewResult> ViewAsync(int personId, CancellationToken ct = default)
    {
        var target = RecordReach.PersonTarget(personId);
        var gate = await AdmitAsync(AccessActions.RecordView, null, ct, target);
        if (gate.Refusal is not null)
        {
            return new RecordViewResult(null, gate.Refusal);
        }
        var detail = await masking.ReadPersonAsync(gate.Policy!, personId, ct);
        if (detail is null)
        {
            await accessLog.AppendAsync(Event(gate, AccessActions.RecordView, AccessOutcomes.Refused, target) with { ResultCount = 0 }, ct);
            return new RecordViewResult(null, "There is no record with that number that your role may see.");
        }
        if (gate.IsLiaison)
        {
            gate.Flags.AddRange(await oversight.VolumeFlagsAsync(gate.User, [personId], gate.Policy!.Limits, ct));
        }
        await LogAsync(gate, AccessActions.RecordView, null, 1, MaskingService.DetailFields, ct, null, target);
        if (gate.IsLiaison)
        {
            oversight.Reached(gate.User, [personId]);
        }
        return new RecordViewResult(detail, null);
    }

    /// <summary>
    /// The current search as CSV, masked exactly as on screen, up to the export limit. The export is admitted and logged
    /// here, with every row and person it releases; its rows are read and written 500 at a time as the file is sent, so
    /// memory stays flat and the first bytes leave at once.
    /// </summary>
    public async Task<RecordExport> ExportAsync(RecordQuery query, CancellationToken ct = default)
    {
        var gate = await AdmitAsync(AccessActions.Export, query, ct);
        if (gate.Refusal is not null)
        {
            return new RecordExport(null, gate.Refusal, 0);
        }
        var policy = gate.Policy!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matches = Matching(db, policy, query);
        var found = await Sorted(policy, matches, query).Take(options.Value.ExportLimit).Select(i => new { i.Id, i.PersonId }).ToListAsync(ct);
        if (WouldSingleOut(policy, query, found.Count))
        {
            await LogAsync(gate, AccessActions.Export, query.Describe(), 0, MaskingService.ListFields, ct, "withheld: small result");
            return new RecordExport(null, $"Fewer than {options.Value.MinimumResultSize} records match, so nothing is exported.", 0);
        }
        var ids = found.Select(f => f.Id).ToList();
        var people = found.Select(f => f.PersonId).ToHashSet();
        if (gate.IsLiaison)
        {
            gate.Flags.AddRange(await oversight.VolumeFlagsAsync(gate.User, people, gate.Policy!.Limits, ct));
        }
        await LogAsync(gate, AccessActions.Export, query.Describe(), ids.Count, MaskingService.ListFields, ct, reach: new RecordReach(ids.Count, People: people));
        if (gate.IsLiaison)
        {
            oversight.Reached(gate.User, people);
        }
        return new RecordExport(new RecordCsvFile((destination, token) => RecordCsv.WriteAsync(destination, RowsAsync(policy, ids, token), token)), null, ids.Count);
    }

    private async IAsyncEnumerable<IReadOnlyList<RecordRow>> RowsAsync(RolePolicy policy, List<int> ids, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(500))
        {
            yield return await masking.ReadRowsAsync(policy, chunk, ct);
        }
    }

    private bool WouldSingleOut(RolePolicy policy, RecordQuery query, int total) =>
        policy.IsMasked && query.HasFilters && total > 0 && total < options.Value.MinimumResultSize
        // Looking up an arrest by the whole DC number the role already sees singles out no one it could not name;
        // a prefix of one is just another narrowing filter.
        && !DcNumbers.IsComplete(Text(query.DcNumber));

    private static IQueryable<Involvement> Matching(PortalDbContext db, RolePolicy policy, RecordQuery query)
    {
        var q = db.Involvements.AsNoTracking();
        if (ArresteesNewestFirst(policy, query))
        {
            q = q.Where(i => i.Role <= InvolvementRole.Arrestee);
        }
        else if (!policy.SeesAllRows)
        {
            var visible = policy.VisibleRoles.ToList();
            q = visible.Count == 1 ? q.Where(i => i.Role == visible[0]) : q.Where(i => visible.Contains(i.Role));
        }
        if (query.Role is { } role) q = q.Where(i => i.Role == role);
        if (Text(query.Name) is { } name)
        {
            var (low, high) = PrefixRange(SearchKey.Normalize(name));
            q = q.Where(i => i.SearchName.CompareTo(low) >= 0 && i.SearchName.CompareTo(high) < 0);
        }
        if (Text(query.DcNumber) is { } dc && DcNumbers.IsComplete(dc))
        {
            q = q.Where(i => i.DcNumber == dc);
        }
        else if (Text(query.DcNumber) is { } dcPrefix)
        {
            var (low, high) = PrefixRange(dcPrefix);
            q = q.Where(i => i.DcNumber.CompareTo(low) >= 0 && i.DcNumber.CompareTo(high) < 0);
        }
        if (query.From is { } from)
        {
            var fromUtc = PortalTime.FromCity(from, TimeOnly.MinValue);
            q = q.Where(i => i.ArrestedUtc >= fromUtc);
        }
        if (query.To is { } to)
        {
            var toUtc = PortalTime.FromCity(to.AddDays(1), TimeOnly.MinValue);
            q = q.Where(i => i.ArrestedUtc < toUtc);
        }
        if (query.District is { } district) q = q.Where(i => i.District == district);
        if (Text(query.Statute) is { } statute) q = q.Where(i => db.Charges.Any(c => c.Statute == statute && c.ArrestId == i.ArrestId));
        if (Text(query.PlaceOfBirth) is { } place) q = q.Where(i => db.Persons.Where(p => p.PlaceOfBirth == place).Select(p => p.Id).Contains(i.PersonId));
        if (Text(query.Race) is { } race) q = q.Where(i => db.Persons.Where(p => p.Race == race).Select(p => p.Id).Contains(i.PersonId));
        if (Text(query.Ethnicity) is { } ethnicity) q = q.Where(i => db.Persons.Where(p => p.Ethnicity == ethnicity).Select(p => p.Id).Contains(i.PersonId));
        return q;
    }

    /// <summary>
    /// The agency's usual view: arrestees only, newest first, no filter. "Role at most Arrestee, ordered by role
    /// first" is the same rows in the same order (Arrestee is the lowest role and the only one), but SQLite's
    /// newest-first walk of the (Role, ArrestedUtc) index then has no lower bound to test on every row it steps
    /// over, so a deep page costs the liaison what it costs the clerk.
    /// </summary>
    private static bool ArresteesNewestFirst(RolePolicy policy, RecordQuery query) =>
        !policy.SeesAllRows && policy.VisibleRoles.Count == 1 && policy.VisibleRoles.Contains(InvolvementRole.Arrestee)
        && !query.HasFilters && query.SortBy == RecordFields.ArrestDate && query.Descending;

    /// <summary>Each sort ends with the id, in the same direction, so it walks one index without a sort step.</summary>
    private static IQueryable<Involvement> Sorted(RolePolicy policy, IQueryable<Involvement> q, RecordQuery query) => (query.SortBy, query.Descending) switch
    {
        _ when ArresteesNewestFirst(policy, query) => q.OrderByDescending(i => i.Role).ThenByDescending(i => i.ArrestedUtc).ThenByDescending(i => i.Id),
        (RecordFields.Name, false) => q.OrderBy(i => i.SearchName).ThenBy(i => i.Id),
        (RecordFields.Name, true) => q.OrderByDescending(i => i.SearchName).ThenByDescending(i => i.Id),
        (RecordFields.DcNumber, false) => q.OrderBy(i => i.DcNumber).ThenBy(i => i.Id),
        (RecordFields.DcNumber, true) => q.OrderByDescending(i => i.DcNumber).ThenByDescending(i => i.Id),
        (RecordFields.District, false) => q.OrderBy(i => i.District).ThenBy(i => i.ArrestedUtc).ThenBy(i => i.Id),
        (RecordFields.District, true) => q.OrderByDescending(i => i.District).ThenByDescending(i => i.ArrestedUtc).ThenByDescending(i => i.Id),
        (_, false) => q.OrderBy(i => i.ArrestedUtc).ThenBy(i => i.Id),
        _ => q.OrderByDescending(i => i.ArrestedUtc).ThenByDescending(i => i.Id),
    };

    private static (string Low, string High) PrefixRange(string prefix) => (prefix, prefix + '\uffff');

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Who may ask, under which policy and purpose; a refusal is logged (flagged where it matters) and returned.</summary>
    private async Task<Gate> AdmitAsync(string action, RecordQuery? query, CancellationToken ct, string? target = null)
    {
        var user = await capabilities.RequireAsync(Policies.BrowseRecords, ct: ct);
        var isLiaison = user.IsInRole(Roles.AgencyLiaison);
        var gate = new Gate(user, isLiaison);
        var access = await policies.AccessForAsync(user, ct);
        if (access.Policy is null)
        {
            return await RefuseAsync(gate, action, query, target, access.Refusal!, isLiaison, ct);
        }
        gate.Policy = access.Policy;
        if (isLiaison)
        {
            gate.Purpose = purposes.Get(user);
            if (gate.Purpose is null)
            {
                return await RefuseAsync(gate, action, query, target, "State the purpose of your search (a reason code and the case number) before searching or viewing records.", true, ct);
            }
            gate.Flags.AddRange(oversight.PurposeAndHourFlags(gate.Purpose));
        }
        if (query is not null && RecordQueryRules.Check(access.Policy, query, options.Value.MaxResultWindow) is { } verdict)
        {
            return await RefuseAsync(gate, action, query, target, verdict.Message, verdict.Flagged, ct);
        }
        return gate;
    }

    private async Task<Gate> RefuseAsync(Gate gate, string action, RecordQuery? query, string? target, string why, bool flagged, CancellationToken ct)
    {
        if (flagged)
        {
            gate.Flags.Insert(0, why);
        }
        await accessLog.AppendAsync(Event(gate, action, AccessOutcomes.Refused, target) with { Filters = query?.Describe(), ResultCount = 0 }, ct);
        gate.Refusal = why;
        return gate;
    }

    private Task LogAsync(Gate gate, string action, string? filters, int count, IReadOnlyList<string> shownFields, CancellationToken ct,
        string? note = null, string? target = null, RecordReach? reach = null)
    {
        if (note is not null)
        {
            filters = filters is null ? note : $"{filters}; {note}";
        }
        return accessLog.AppendAsync(Event(gate, action, AccessOutcomes.Success, target) with
        {
            Filters = filters,
            ResultCount = count,
            Reach = reach,
            RevealedFields = count == 0 ? [] : gate.Policy!.UnmaskedFields(shownFields),
        }, ct);
    }

    private static AccessEvent Event(Gate gate, string action, string outcome, string? target) => new(action, outcome)
    {
        Actor = gate.User,
        Target = target ?? RecordReach.RecordsTarget,
        Flagged = gate.Flags.Count > 0,
        FlagReason = gate.Flags.Count > 0 ? string.Join("; ", gate.Flags) : null,
        Purpose = gate.Purpose?.Describe(),
    };

    private sealed class Gate(ClaimsPrincipal user, bool isLiaison)
    {
        public ClaimsPrincipal User { get; } = user;
        public bool IsLiaison { get; } = isLiaison;
        public RolePolicy? Policy { get; set; }
        public StatedPurpose? Purpose { get; set; }
        public List<string> Flags { get; } = [];
        public string? Refusal { get; set; }
    }
}
