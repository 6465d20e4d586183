namespace Portal.Data.Entities;

public enum VoteChoice
{
    Renew,
    Terminate,
    Abstain,
    Recuse,
    Adopt,
    Reject,
}

/// <summary>A vote as cast; a change adds a new row and clears IsCurrent on the old one, so history is kept.</summary>
public sealed class Vote
{
    public long Id { get; set; }
    public int BallotId { get; set; }
    public Party Party { get; set; }
    public VoteChoice Choice { get; set; }
    public string Rationale { get; set; } = "";
    public string CastByUserId { get; set; } = "";
    public string CastByUserName { get; set; } = "";
    public bool CastByAlternate { get; set; }
    public DateTimeOffset CastUtc { get; set; }
    public bool IsCurrent { get; set; }
    public string ReceiptHash { get; set; } = "";
}
