using System.Globalization;
using Portal.Data.Entities;
using PortalApp.Common;

namespace PortalApp.Audit;

/// <summary>What the auditor narrows the log to. Dates are calendar days in the city's time zone, both inclusive.</summary>
public sealed record AuditFilter
{
    public string? User { get; init; }
    public string? Role { get; init; }
    public string? PartyOrAgency { get; init; }
    public string? Action { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool? Flagged { get; init; }

    /// <summary>The signatory parties a filter offers; the agencies' short names follow them (they are data).</summary>
    public static readonly IReadOnlyList<string> Parties = Enum.GetNames<Party>();

    public DateTimeOffset? FromUtc => From is { } d ? PortalTime.FromCity(d, TimeOnly.MinValue) : null;

    public DateTimeOffset? ToUtcExclusive => To is { } d ? PortalTime.FromCity(d.AddDays(1), TimeOnly.MinValue) : null;

    public IQueryable<AccessLogEntry> Apply(IQueryable<AccessLogEntry> entries)
    {
        if (!string.IsNullOrWhiteSpace(User))
        {
            var user = User.Trim();
            entries = entries.Where(e => e.UserName != null && e.UserName.Contains(user));
        }
        if (!string.IsNullOrEmpty(Role))
        {
            entries = entries.Where(e => e.Role == Role);
        }
        if (!string.IsNullOrEmpty(PartyOrAgency))
        {
            entries = entries.Where(e => e.PartyOrAgency == PartyOrAgency);
        }
        if (!string.IsNullOrEmpty(Action))
        {
            entries = entries.Where(e => e.Action == Action);
        }
        if (FromUtc is { } from)
        {
            entries = entries.Where(e => e.AtUtc >= from);
        }
        if (ToUtcExclusive is { } to)
        {
            entries = entries.Where(e => e.AtUtc < to);
        }
        if (Flagged is { } flagged)
        {
            entries = entries.Where(e => e.Flagged == flagged);
        }
        return entries;
    }

    /// <summary>A short, stable description, logged with the read and shown on exports.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        Add("user", User?.Trim());
        Add("role", Role);
        Add("party", PartyOrAgency);
        Add("action", Action);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("flagged", Flagged switch { true => "yes", false => "no", null => null });
        return parts.Count == 0 ? "all entries" : string.Join("; ", parts);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={value}");
            }
        }
    }

    /// <summary>The query string of the CSV export link (the same names the endpoint reads).</summary>
    public string ToQueryString()
    {
        var pairs = new Dictionary<string, string?>
        {
            ["user"] = User?.Trim(),
            ["role"] = Role,
            ["party"] = PartyOrAgency,
            ["action"] = Action,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["flagged"] = Flagged?.ToString().ToLowerInvariant(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", pairs.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public static AuditFilter FromQuery(IQueryCollection q) => new()
    {
        User = q["user"].FirstOrDefault(),
        Role = q["role"].FirstOrDefault(),
        PartyOrAgency = q["party"].FirstOrDefault(),
        Action = q["action"].FirstOrDefault(),
        From = DateOnly.TryParseExact(q["from"].FirstOrDefault(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : null,
        To = DateOnly.TryParseExact(q["to"].FirstOrDefault(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null,
        Flagged = bool.TryParse(q["flagged"].FirstOrDefault(), out var fl) ? fl : null,
    };
}
