using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;

namespace PortalApp.Audit;

public sealed record PendingFlag(
    long EntryId, DateTimeOffset AtUtc, string? UserName, string? Role, string? PartyOrAgency,
    string Action, string? Target, string? FlagReason, string Outcome, string Week, bool Overdue);

public sealed record FlagSummary(int Pending, int Overdue, IReadOnlyList<PendingFlag> Latest);

/// <summary>
/// The weekly review queue: flagged entries nobody has acknowledged yet, grouped by the city week they fall
/// in; an entry waiting longer than a week is overdue. An acknowledgement is stored with its log entry in one
/// transaction, never as a change to the flagged entry itself.
/// </summary>
public sealed class FlagReviewQueue(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    AccessLogReader reader,
    TimeProvider time)
{
    public const int MinCommentLength = 5;
    public const int MaxCommentLength = 1000;

    public async Task<IReadOnlyList<PendingFlag>> PendingAsync(CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadAuditLog, ct: ct);
        var pending = await LoadPendingAsync(500, ascending: true, ct);
        await reader.LogReadOnceAsync(user, "flag review queue", null, pending.Count, ct);
        return pending;
    }

    public async Task<FlagSummary> SummaryAsync(CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadAuditLog, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var weekAgo = time.GetUtcNow().AddDays(-7);
        var unreviewed = Unreviewed(db);
        var pending = await unreviewed.CountAsync(ct);
        var overdue = await unreviewed.CountAsync(e => e.AtUtc < weekAgo, ct);
        var latest = await LoadPendingAsync(5, ascending: false, ct);
        await reader.LogReadOnceAsync(user, "dashboard flagged entries", null, pending, ct);
        return new FlagSummary(pending, overdue, latest);
    }

    public async Task<OperationResult> AcknowledgeAsync(long entryId, string? comment, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReviewFlags, ct: ct);
        comment = comment?.Trim() ?? "";
        if (comment.Length is < MinCommentLength or > MaxCommentLength)
        {
            return OperationResult.Fail($"Write a comment of {MinCommentLength} to {MaxCommentLength} characters: what you checked and what follows.");
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var entry = await db.AccessLog.AsNoTracking().Where(e => e.Id == entryId)
                .Select(e => new { e.Flagged, e.UserId, Reviewed = db.FlagReviews.Any(r => r.AccessLogEntryId == e.Id) })
                .FirstOrDefaultAsync(ct);
            var problem = entry switch
            {
                null => "That log entry does not exist.",
                { Flagged: false } => "Only flagged entries are reviewed.",
                { Reviewed: true } => "That entry has already been acknowledged.",
                _ when entry.UserId is not null && entry.UserId == user.FindFirstValue(ClaimTypes.NameIdentifier) =>
                    "You cannot acknowledge a flag raised by your own actions; another auditor must.",
                _ => null,
            };
            if (problem is not null)
            {
                return OperationResult.Fail(problem);
            }
        }
        try
        {
            await accessLog.AppendAsync(new AccessEvent(AccessActions.FlagReview) { Actor = user, Target = $"entry {entryId}", Filters = $"comment: {comment}" },
                (db, logged, _) =>
                {
                    db.FlagReviews.Add(new FlagReview { AccessLogEntryId = entryId, ReviewedBy = user.Identity?.Name ?? "", ReviewedUtc = logged.AtUtc, Comment = comment });
                    return Task.CompletedTask;
                }, ct);
        }
        catch (DbUpdateException)
        {
            return OperationResult.Fail("That entry was acknowledged by someone else a moment ago.");
        }
        return OperationResult.Ok($"Entry {entryId} acknowledged.");
    }

    private static IQueryable<AccessLogEntry> Unreviewed(PortalDbContext db) =>
        db.AccessLog.AsNoTracking().Where(e => e.Flagged && !db.FlagReviews.Any(r => r.AccessLogEntryId == e.Id));

    private async Task<List<PendingFlag>> LoadPendingAsync(int take, bool ascending, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Unreviewed(db);
        var rows = await (ascending ? query.OrderBy(e => e.Id) : query.OrderByDescending(e => e.Id)).Take(take)
            .Select(e => new { e.Id, e.AtUtc, e.UserName, e.Role, e.PartyOrAgency, e.Action, e.Target, e.FlagReason, e.Outcome })
            .ToListAsync(ct);
        var weekAgo = time.GetUtcNow().AddDays(-7);
        return [.. rows.Select(e => new PendingFlag(e.Id, e.AtUtc, e.UserName, e.Role, e.PartyOrAgency, e.Action, e.Target, e.FlagReason, e.Outcome, WeekOf(e.AtUtc), e.AtUtc < weekAgo))];
    }

    /// <summary>"Week of Mon, Mar 2, 2026": weeks start on Monday in the city's time zone.</summary>
    public static string WeekOf(DateTimeOffset utc)
    {
        var day = DateOnly.FromDateTime(PortalTime.ToCity(utc).DateTime);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return "Week of " + monday.ToString("ddd, MMM d, yyyy", CultureInfo.InvariantCulture);
    }
}
