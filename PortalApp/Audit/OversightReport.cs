using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using PortalApp.Authorization;

namespace PortalApp.Audit;

public sealed record OversightSearch(long EntryId, DateTimeOffset AtUtc, string? UserName, string? Purpose, string? Filters, int? ResultCount, string Outcome, bool Flagged);

public sealed record OversightView(long EntryId, DateTimeOffset AtUtc, string? UserName, string? Target, string? RevealedFields, string? Purpose);

public sealed record OversightFlag(long EntryId, DateTimeOffset AtUtc, string? UserName, string Action, string? FlagReason, string Outcome, string? Filters);

public sealed record OversightUser(string UserName, int SignIns, int Searches, int RecordsViewed, int DistinctRecords, int Flagged);

public sealed record OversightField(string Field, int Times);

public sealed record OversightReport(
    DateOnly From, DateOnly To, DateTimeOffset GeneratedUtc, string GeneratedBy, ChainVerification Chain,
    IReadOnlyList<OversightUser> Users, IReadOnlyList<OversightSearch> Searches, IReadOnlyList<OversightView> Views,
    IReadOnlyList<OversightField> FieldsRevealed, IReadOnlyList<OversightFlag> Flags)
{
    public int DistinctRecords => Views.Select(v => v.Target).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>
/// What the outside agency did in a period: its searches and their filters, the records it viewed and the
/// fields it saw unmasked, and every flagged attempt. Built for the city to answer "how did they use our data?".
/// </summary>
public sealed class OversightReportService(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    AccessLogVerifier verifier,
    TimeProvider time)
{
    public const int MaxDays = 366;

    public static string? CheckPeriod(DateOnly from, DateOnly to) =>
        to < from ? "The period ends before it starts."
        : to.DayNumber - from.DayNumber >= MaxDays ? $"Choose a period of at most {MaxDays} days."
        : null;

    /// <summary>Builds the report and logs the read; <paramref name="asPdf"/> logs it as an export.</summary>
    public async Task<OversightReport> BuildAsync(DateOnly from, DateOnly to, bool asPdf = false, ClaimsPrincipal? caller = null, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadAuditLog, caller);
        if (CheckPeriod(from, to) is { } problem)
        {
            throw new ArgumentException(problem);
        }
        var period = new AuditFilter { From = from, To = to };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await period.Apply(db.AccessLog.AsNoTracking())
            .Where(e => e.PartyOrAgency == AccessLog.Agency || e.Role == Roles.AgencyLiaison)
            .OrderBy(e => e.Id).ToListAsync(ct);
        await accessLog.AppendAsync(new AccessEvent(asPdf ? AccessActions.Export : AccessActions.AuditRead)
        {
            Actor = user,
            Target = asPdf ? "oversight report PDF" : "oversight report",
            Filters = period.Describe(),
            ResultCount = entries.Count,
        }, ct);
        var chain = await verifier.VerifyAsync(ct);

        var searches = entries.Where(e => e.Action == AccessActions.Search)
            .Select(e => new OversightSearch(e.Id, e.AtUtc, e.UserName, e.Purpose, e.Filters, e.ResultCount, e.Outcome, e.Flagged)).ToList();
        var views = entries.Where(e => e.Action == AccessActions.RecordView && e.Outcome == AccessOutcomes.Success)
            .Select(e => new OversightView(e.Id, e.AtUtc, e.UserName, e.Target, e.RevealedFields, e.Purpose)).ToList();
        var fields = views.SelectMany(v => (v.RevealedFields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .GroupBy(f => f, StringComparer.Ordinal).Select(g => new OversightField(g.Key, g.Count()))
            .OrderByDescending(f => f.Times).ThenBy(f => f.Field, StringComparer.Ordinal).ToList();
        var flags = entries.Where(e => e.Flagged)
            .Select(e => new OversightFlag(e.Id, e.AtUtc, e.UserName, e.Action, e.FlagReason, e.Outcome, e.Filters)).ToList();
        var users = entries.GroupBy(e => e.UserName ?? "(unknown)", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OversightUser(g.Key,
                g.Count(e => e.Action == AccessActions.SignIn && e.Outcome == AccessOutcomes.Success),
                g.Count(e => e.Action == AccessActions.Search),
                g.Count(e => e.Action == AccessActions.RecordView && e.Outcome == AccessOutcomes.Success),
                g.Where(e => e.Action == AccessActions.RecordView && e.Outcome == AccessOutcomes.Success).Select(e => e.Target).Distinct(StringComparer.Ordinal).Count(),
                g.Count(e => e.Flagged)))
            .ToList();
        return new OversightReport(from, to, time.GetUtcNow(), user.Identity?.Name ?? "", chain, users, searches, views, fields, flags);
    }
}
