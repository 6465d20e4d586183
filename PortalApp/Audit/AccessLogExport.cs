using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using PortalApp.AccessLogging;
using PortalApp.Authorization;

namespace PortalApp.Audit;

/// <summary>
/// The log as CSV, every column including both hashes, so the chain can be checked outside the portal.
/// The export is logged before a byte is written; cells that a spreadsheet would run as formulas are escaped.
/// </summary>
public sealed class AccessLogExport(IDbContextFactory<PortalDbContext> dbFactory, Capabilities capabilities, AccessLog accessLog)
{
    public async Task WriteCsvAsync(AuditFilter filter, Stream output, ClaimsPrincipal? caller = null, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadAuditLog, caller, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = filter.Apply(db.AccessLog.AsNoTracking());
        var count = await query.CountAsync(ct);
        await accessLog.AppendAsync(new AccessEvent(AccessActions.Export) { Actor = user, Target = "access log CSV", Filters = filter.Describe(), ResultCount = count }, ct);

        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteHeader(Header);
        await foreach (var e in query.OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            await csv.WriteRecordAsync(
            [
                e.Id.ToString(CultureInfo.InvariantCulture),
                e.AtUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ff'Z'", CultureInfo.InvariantCulture),
                e.UserName, e.Role, e.PartyOrAgency, e.Action, e.Target, e.Filters,
                e.ResultCount?.ToString(CultureInfo.InvariantCulture), e.RevealedFields, e.Outcome,
                e.Flagged ? "yes" : "no", e.FlagReason, e.Purpose, e.ClientAddress, e.Source, e.UserId, e.PreviousHash, e.Hash,
            ], ct);
        }
        await csv.FlushAsync(ct);
    }

    private static readonly string[] Header =
    [
        "Id", "AtUtc", "UserName", "Role", "PartyOrAgency", "Action", "Target", "Filters", "ResultCount", "RevealedFields",
        "Outcome", "Flagged", "FlagReason", "Purpose", "ClientAddress", "Source", "UserId", "PreviousHash", "Hash",
    ];
}
