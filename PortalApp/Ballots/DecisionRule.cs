using Portal.Data.Entities;

namespace PortalApp.Ballots;

/// <summary>The count of the seats' current votes on a ballot.</summary>
public sealed record Tally(int Renew, int Terminate, int Abstain, int Recused, int NotVoted, int Seats, int Threshold,
    int Adopt = 0, int Reject = 0, BallotKind Kind = BallotKind.Term)
{
    /// <summary>The votes that count toward the threshold: Terminate on a term ballot, Adopt on an adoption ballot.</summary>
    public int TowardThreshold => Kind == BallotKind.AmendmentAdoption ? Adopt : Terminate;

    public override string ToString() => Kind == BallotKind.AmendmentAdoption
        ? $"Adopt {Adopt} · Reject {Reject} · Abstain {Abstain} · Recused {Recused} · Not voted {NotVoted} ({Threshold} of {Seats} needed to adopt)"
        : $"Terminate {Terminate} · Renew {Renew} · Abstain {Abstain} · Recused {Recused} · Not voted {NotVoted} ({Threshold} of {Seats} needed to terminate)";
}

/// <summary>
/// The one place where a ballot is decided. Termination is taken the moment the current Terminate votes reach
/// the threshold (of all seats: an abstaining, recused or silent seat counts toward neither side, and recusal
/// does not lower the threshold). Without it, the agreement's default outcome applies when the ballot closes.
/// A renewal is never taken early, because a seat may change its vote until the close.
/// An amendment's adoption ballot is decided the same way with Adopt in Terminate's place: adopted the moment the
/// Adopt votes reach the threshold, and not adopted (Reject) when it closes without them, whatever the agreement's default.
/// </summary>
public static class DecisionRule
{
    public static Tally Count(IEnumerable<VoteChoice> currentChoices, int seats, int threshold, BallotKind kind = BallotKind.Term)
    {
        var choices = currentChoices.ToList();
        return new Tally(
            Renew: choices.Count(c => c == VoteChoice.Renew),
            Terminate: choices.Count(c => c == VoteChoice.Terminate),
            Abstain: choices.Count(c => c == VoteChoice.Abstain),
            Recused: choices.Count(c => c == VoteChoice.Recuse),
            NotVoted: Math.Max(0, seats - choices.Count),
            Seats: seats,
            Threshold: threshold,
            Adopt: choices.Count(c => c == VoteChoice.Adopt),
            Reject: choices.Count(c => c == VoteChoice.Reject),
            Kind: kind);
    }

    /// <summary>The outcome, or null while the ballot is open and the threshold is not met.</summary>
    public static DecisionOutcome? Decide(Tally tally, bool closed, DecisionOutcome defaultOutcome) =>
        tally.Kind == BallotKind.AmendmentAdoption
            ? tally.Adopt >= tally.Threshold ? DecisionOutcome.Adopt : closed ? DecisionOutcome.Reject : null
            : tally.Terminate >= tally.Threshold ? DecisionOutcome.Terminate
            : closed ? defaultOutcome
            : null;

    /// <summary>What a ballot of this kind decides when it closes without the threshold.</summary>
    public static DecisionOutcome DefaultOutcome(BallotKind kind, DecisionOutcome agreementDefault) =>
        kind == BallotKind.AmendmentAdoption ? DecisionOutcome.Reject : agreementDefault;

    /// <summary>The choices a seat has on a ballot of this kind, in the order they are offered.</summary>
    public static IReadOnlyList<VoteChoice> Choices(BallotKind kind) => kind == BallotKind.AmendmentAdoption
        ? [VoteChoice.Adopt, VoteChoice.Reject, VoteChoice.Abstain, VoteChoice.Recuse]
        : [VoteChoice.Renew, VoteChoice.Terminate, VoteChoice.Abstain, VoteChoice.Recuse];

    /// <summary>A ballot accepts votes from its opening instant up to, not including, its closing instant.</summary>
    public static BallotPhase PhaseAt(DateTimeOffset opensUtc, DateTimeOffset closesUtc, bool decided, bool decidedByDefault, DateTimeOffset nowUtc) =>
        decided ? (decidedByDefault ? BallotPhase.ClosedByDefault : BallotPhase.Decided)
        : nowUtc < opensUtc ? BallotPhase.NotYetOpen
        : nowUtc < closesUtc ? BallotPhase.Open
        : BallotPhase.ClosePending;
}

public enum BallotPhase
{
    NotYetOpen,
    Open,
    /// <summary>Past its closing instant; the default outcome is about to be recorded.</summary>
    ClosePending,
    Decided,
    ClosedByDefault,
}
