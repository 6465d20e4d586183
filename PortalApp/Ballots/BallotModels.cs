using Portal.Data.Entities;

namespace PortalApp.Ballots;

public sealed record VoteView(
    long Id, Party Party, VoteChoice Choice, string Rationale, string CastBy, string CastByName,
    bool CastByAlternate, DateTimeOffset CastUtc, bool IsCurrent, string ReceiptHash, string? SeatPrimaryName = null)
{
    /// <summary>Who cast it and in which role: "Marcus Ortega (alternate for Dana Whitfield)".</summary>
    public string CastByLabel => SeatPeople.CastBy(CastByName, CastByAlternate, SeatPrimaryName);
}

public sealed record SeatVoteView(Party Party, string PrimaryName, string? AlternateName, VoteView? Current);

public sealed record DecisionView(DecisionOutcome Outcome, DateTimeOffset DecidedUtc, string Tally, bool ByDefault);

/// <summary>The seat the signed-in user may vote for, if any.</summary>
public sealed record VoterSeat(Party Party, bool AsAlternate);

public sealed record BallotView(
    int Id,
    int AgreementId,
    string AgreementReference,
    string AgreementTitle,
    string Term,
    int AmendmentNumber,
    string AmendmentTitle,
    string AmendmentHash,
    DateTimeOffset OpensUtc,
    DateTimeOffset ClosesUtc,
    DecisionOutcome DefaultOutcome,
    BallotPhase Phase,
    Tally Tally,
    IReadOnlyList<SeatVoteView> Seats,
    IReadOnlyList<VoteView> History,
    DecisionView? Decision,
    VoterSeat? MySeat,
    BallotKind Kind = BallotKind.Term,
    DateOnly? AmendmentEffectiveDate = null,
    IReadOnlyList<string>? Reveals = null)
{
    public bool AcceptsVotes => Phase == BallotPhase.Open;

    public bool IsAdoption => Kind == BallotKind.AmendmentAdoption;
}

public sealed record VoteRequest(int BallotId, Party Seat, VoteChoice Choice, string Rationale);

public sealed record VoteResult(bool Succeeded, string Message, VoteReceipt? Receipt = null)
{
    public static VoteResult Refused(string message) => new(false, message);
}

/// <summary>An open ballot the user's seat has not voted on yet.</summary>
public sealed record PendingVote(int BallotId, string AgreementReference, string Term, DateTimeOffset ClosesUtc);
