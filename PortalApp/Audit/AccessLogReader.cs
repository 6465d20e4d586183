using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;

namespace PortalApp.Audit;

public sealed record AuditEntryRow(
    long Id, DateTimeOffset AtUtc, string? UserName, string? Role, string? PartyOrAgency, string Action,
    string? Target, string Outcome, bool Flagged, int? ResultCount);

public sealed record AuditReview(string ReviewedBy, DateTimeOffset ReviewedUtc, string Comment);

public sealed record AuditEntryDetail(AccessLogEntry Entry, bool HashMatches, AuditReview? Review);

public sealed record AuditEntriesPage(IReadOnlyList<AuditEntryRow> Rows, int Total);

public enum AuditSort { Newest, Oldest, User, Action }

/// <summary>
/// Reading the log for auditors. Every read is itself logged (audit-read); a query is logged once per
/// distinct filter in a session, so paging through one result does not flood the log.
/// </summary>
public sealed class AccessLogReader(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    AccessLogVerifier verifier)
{
    private readonly HashSet<string> loggedReads = new(StringComparer.Ordinal);

    public async Task<AuditEntriesPage> SearchAsync(AuditFilter filter, int page, int pageSize, AuditSort sort = AuditSort.Newest, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadAuditLog, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = filter.Apply(db.AccessLog.AsNoTracking());
        // Logged before the rows are read; counted again after, so the total includes the read itself.
        await LogReadOnceAsync(user, "access log", filter.Describe(), await query.CountAsync(ct), ct);
        var total = await query.CountAsync(ct);
        var ordered = sort switch
        {
            AuditSort.Oldest => query.OrderBy(e => e.Id),
            AuditSort.User => query.OrderBy(e => e.UserName).ThenByDescending(e => e.Id),
            AuditSort.Action => query.OrderBy(e => e.Action).ThenByDescending(e => e.Id),
            _ => query.OrderByDescending(e => e.Id),
        };
        var rows = await ordered.Skip(Math.Max(0, page) * pageSize).Take(Math.Clamp(pageSize, 1, 500))
            .Select(e => new AuditEntryRow(e.Id, e.AtUtc, e.UserName, e.Role, e.PartyOrAgency, e.Action, e.Target, e.Outcome, e.Flagged, e.ResultCount))
            .ToListAsync(ct);
        return new AuditEntriesPage(rows, total);
    }

    public async Task<AuditEntryDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadAuditLog, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.AccessLog.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return null;
        }
        var review = await db.FlagReviews.AsNoTracking().Where(r => r.AccessLogEntryId == id)
            .Select(r => new AuditReview(r.ReviewedBy, r.ReviewedUtc, r.Comment)).FirstOrDefaultAsync(ct);
        await LogReadOnceAsync(user, $"entry {id}", null, 1, ct);
        return new AuditEntryDetail(entry, AccessLogHash.Compute(entry) == entry.Hash, review);
    }

    public async Task<ChainVerification> VerifyAsync(CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadAuditLog, ct: ct);
        var result = await verifier.VerifyAsync(ct);
        // Logged after the walk, so the entry records the result; it lies beyond the verified head.
        await accessLog.AppendAsync(new AccessEvent(AccessActions.AuditRead, result.Intact ? AccessOutcomes.Success : AccessOutcomes.Failure)
        {
            Actor = user,
            Target = "chain verification",
            ResultCount = (int)Math.Min(int.MaxValue, result.EntriesChecked),
            Filters = result.Intact ? $"head={result.HeadId}" : $"broken={result.FirstBrokenId}",
        }, ct);
        return result;
    }

    /// <summary>Logs a read the first time this session makes it; other audit services share the rule.</summary>
    internal async Task LogReadOnceAsync(ClaimsPrincipal user, string target, string? filters, int? count, CancellationToken ct)
    {
        var key = $"{target}|{filters}";
        if (loggedReads.Contains(key))
        {
            return;
        }
        await accessLog.AppendAsync(new AccessEvent(AccessActions.AuditRead) { Actor = user, Target = target, Filters = filters, ResultCount = count }, ct);
        loggedReads.Add(key);
    }
}
