using System.Security.Claims;
using Portal.Data.Entities;
using PortalApp.Authorization;

namespace PortalApp.AccessLogging;

/// <summary>The single entry point through which every feature writes to the access log.</summary>
public sealed class AccessLog(AccessLogWriter writer, AccessLogSealer sealer, ClientInfo client)
{
    /// <summary>
    /// A liaison's entries name their agency's short name in the party-or-agency column; entries written before agencies
    /// were data, or by a liaison without an agency, name this instead.
    /// </summary>
    public const string Agency = "Agency";

    /// <summary>Every outside agency's entries: what the oversight report and the transparency page count as use.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<AccessLogEntry, bool>> ByAgency =
        e => e.Role == Roles.AgencyLiaison;

    /// <summary>One agency's entries, by the short name its liaisons' entries carry.</summary>
    public static System.Linq.Expressions.Expression<Func<AccessLogEntry, bool>> ForAgency(string shortName) =>
        e => e.Role == Roles.AgencyLiaison && e.PartyOrAgency == shortName;

    public Task<AccessLogEntry> AppendAsync(AccessEvent e, CancellationToken ct = default) =>
        writer.AppendAsync(ToEntry(e), null, ct);

    /// <summary>
    /// Logs the event and applies <paramref name="change"/> in the same transaction: both are stored or neither.
    /// Use it when the change lives in the portal's database, so nothing can happen unlogged.
    /// </summary>
    public Task<AccessLogEntry> AppendAsync(AccessEvent e, LoggedChange change, CancellationToken ct = default) =>
        writer.AppendAsync(ToEntry(e), change, ct);

    /// <summary>Appends inside the caller's transaction: the entry and the change it records commit together.</summary>
    public Task<AccessLogEntry> AppendWithinAsync(Portal.Data.PortalDbContext db, AccessEvent e, CancellationToken ct = default) =>
        writer.AppendWithinAsync(db, ToEntry(e), ct);

    /// <summary>
    /// Appends inside the caller's transaction and seals the chain's head there too: for the moments (a decision, an
    /// issued letter) whose entries must be covered by a seal as soon as they exist.
    /// </summary>
    public async Task<AccessLogEntry> AppendSealedWithinAsync(Portal.Data.PortalDbContext db, AccessEvent e, string reason, CancellationToken ct = default)
    {
        var entry = await writer.AppendWithinAsync(db, ToEntry(e), ct);
        await sealer.SealWithinAsync(db, reason, ct);
        return entry;
    }

    private AccessLogEntry ToEntry(AccessEvent e)
    {
        var actor = e.Actor ?? new ClaimsPrincipal();
        return new AccessLogEntry
        {
            UserId = actor.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = Clip(e.UserName ?? actor.Identity?.Name, int.MaxValue),
            Role = actor.PortalRole(),
            PartyOrAgency = actor.Party() ?? (actor.IsInRole(Roles.AgencyLiaison) ? actor.AgencyName() ?? Agency : null),
            Action = e.Action,
            Target = Clip(e.Target, 300),
            Filters = RecordReach.Compose(Clip(e.Filters?.Replace(RecordReach.Separator, ' '), 2000), e.Reach),
            ResultCount = e.ResultCount,
            RevealedFields = e.RevealedFields is null ? null : string.Join(',', e.RevealedFields.Order(StringComparer.Ordinal)),
            Outcome = e.Outcome,
            Flagged = e.Flagged,
            FlagReason = Clip(e.FlagReason, 500),
            ClientAddress = e.WithoutClient ? null : client.Address,
            Source = e.Source ?? client.Source,
            Purpose = Clip(e.Purpose, 300),
        };
    }

    /// <summary>
    /// Clipped to the column's length; a NUL (which PostgreSQL cannot store in text, so the entry, and with it the
    /// action, would fail) is written as the visible symbol for it.
    /// </summary>
    private static string? Clip(string? value, int max)
    {
        if (value is not { Length: > 0 })
        {
            return value;
        }
        value = value.Replace('\0', '\u2400');
        return value.Length > max ? value[..max] : value;
    }
}
