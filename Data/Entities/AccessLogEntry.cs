namespace Portal.Data.Entities;

/// <summary>
/// One entry of the append-only access log. Hash covers every other column and PreviousHash,
/// so a changed, deleted or reordered row breaks the chain.
/// </summary>
public sealed class AccessLogEntry
{
    public long Id { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Role { get; set; }
    public string? PartyOrAgency { get; set; }
    public string Action { get; set; } = "";
    public string? Target { get; set; }
    public string? Filters { get; set; }
    public int? ResultCount { get; set; }
    public string? RevealedFields { get; set; }
    public string Outcome { get; set; } = "";
    public bool Flagged { get; set; }
    public string? FlagReason { get; set; }
    public string? ClientAddress { get; set; }
    public string Source { get; set; } = "";
    public string? Purpose { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>An auditor's acknowledgement of a flagged entry (kept apart so the log itself is never updated).</summary>
public sealed class FlagReview
{
    public int Id { get; set; }
    public long AccessLogEntryId { get; set; }
    public string ReviewedBy { get; set; } = "";
    public DateTimeOffset ReviewedUtc { get; set; }
    public string Comment { get; set; } = "";
}

/// <summary>An in-app notification shown under the bell.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public string Text { get; set; } = "";
    public string? Link { get; set; }
    /// <summary>Null: everyone who may read agreements; otherwise a role name.</summary>
    public string? Audience { get; set; }
}
