namespace Portal.Data.Entities;

/// <summary>One step of an agreement's timeline (created, amended, ballot opened, vote, decision, letter...).</summary>
public sealed class AgreementEvent
{
    public long Id { get; set; }
    public int AgreementId { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public string Kind { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? ActorUserName { get; set; }
}
