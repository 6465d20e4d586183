namespace Portal.Data.Entities;

/// <summary>
/// The access log's head (last entry id, its hash, and the count of entries chained since the first), sealed with an
/// HMAC under a key the database does not hold. Someone with the database file can rewrite or cut the chain and
/// recompute every hash, but cannot make a seal: the verifier then finds the chain no longer reaches, or no longer
/// matches, a sealed head. Number runs 1, 2, 3… without gaps and is part of the HMAC.
/// </summary>
public sealed class AccessLogSeal
{
    public int Number { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public long HeadEntryId { get; set; }
    public string HeadHash { get; set; } = "";
    public long EntryCount { get; set; }
    /// <summary>Why it was sealed: hourly, decision, letter.</summary>
    public string Reason { get; set; } = "";
    public string Mac { get; set; } = "";
}
