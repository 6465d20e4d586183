namespace Portal.Data.Entities;

/// <summary>
/// Where the chain begins after retention removed its oldest entries: the last removed entry's id and hash.
/// Each anchor is backed by a checkpoint entry in the chain that carries the same id and hash, so a forged
/// anchor (used to hide a deletion) does not match any checkpoint and verification fails.
/// </summary>
public sealed class AccessLogAnchor
{
    public int Id { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public long ThroughEntryId { get; set; }
    public string ThroughEntryHash { get; set; } = "";
    public long CheckpointEntryId { get; set; }
}
