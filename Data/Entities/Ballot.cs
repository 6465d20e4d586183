namespace Portal.Data.Entities;

public enum BallotStatus
{
    Scheduled,
    Open,
    Decided,
    Closed,
}

/// <summary>What a ballot decides: the agreement's term (renew or terminate), or whether to adopt an amendment.</summary>
public enum BallotKind
{
    Term,
    AmendmentAdoption,
}

public sealed class Ballot
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int AmendmentId { get; set; }
    public Amendment? Amendment { get; set; }
    public string AmendmentHash { get; set; } = "";

    /// <summary>A term ballot binds to the amendment in force; an adoption ballot to the amendment it would adopt.</summary>
    public BallotKind Kind { get; set; }
    public string Term { get; set; } = "";
    public DateTimeOffset OpensUtc { get; set; }
    public DateTimeOffset ClosesUtc { get; set; }
    public int TerminationThreshold { get; set; } = 2;
    public BallotStatus Status { get; set; }
    public List<Vote> Votes { get; set; } = [];
    public BallotDecision? Decision { get; set; }
}

/// <summary>The one decision of a ballot; the unique key on BallotId makes it happen exactly once.</summary>
public sealed class BallotDecision
{
    public int Id { get; set; }
    public int BallotId { get; set; }
    public DecisionOutcome Outcome { get; set; }
    public DateTimeOffset DecidedUtc { get; set; }
    public string Tally { get; set; } = "";
    public bool ByDefault { get; set; }

    /// <summary>The vote that met the threshold; null when the default outcome applied at closing time.</summary>
    public long? DecidingVoteId { get; set; }
}
