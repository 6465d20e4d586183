using Portal.Data.Entities;
using PortalApp.Ballots;

namespace PortalApp.Tests.Ballots;

public sealed class DecisionRuleTests
{
    private static DecisionOutcome? Decide(bool closed, params VoteChoice[] current) =>
        DecisionRule.Decide(DecisionRule.Count(current, seats: 3, threshold: 2), closed, DecisionOutcome.Renew);

    [Fact]
    public void TwoTerminateVotesOfThreeTerminateAtOnce() =>
        Assert.Equal(DecisionOutcome.Terminate, Decide(false, VoteChoice.Terminate, VoteChoice.Terminate));

    [Fact]
    public void OneTerminateVoteIsNotEnoughWhileOpen() =>
        Assert.Null(Decide(false, VoteChoice.Terminate, VoteChoice.Renew, VoteChoice.Abstain));

    [Fact]
    public void RenewalIsNeverTakenEarlyBecauseVotesMayStillChange() =>
        Assert.Null(Decide(false, VoteChoice.Renew, VoteChoice.Renew, VoteChoice.Renew));

    [Fact]
    public void AbstentionsAndRecusalsCountTowardNeitherSideAndDoNotLowerTheThreshold()
    {
        Assert.Null(Decide(false, VoteChoice.Terminate, VoteChoice.Recuse, VoteChoice.Abstain));
        Assert.Equal(DecisionOutcome.Renew, Decide(true, VoteChoice.Terminate, VoteChoice.Recuse, VoteChoice.Recuse));
    }

    [Fact]
    public void AtTheCloseWithoutTheThresholdTheDefaultOutcomeApplies()
    {
        Assert.Equal(DecisionOutcome.Renew, Decide(true));
        Assert.Equal(DecisionOutcome.Renew, Decide(true, VoteChoice.Terminate));
        Assert.Equal(DecisionOutcome.Terminate,
            DecisionRule.Decide(DecisionRule.Count([], 3, 2), closed: true, DecisionOutcome.Terminate));
    }

    [Fact]
    public void TheThresholdMetAtTheCloseStillTerminates() =>
        Assert.Equal(DecisionOutcome.Terminate, Decide(true, VoteChoice.Terminate, VoteChoice.Terminate, VoteChoice.Renew));

    [Fact]
    public void OnlyCurrentVotesCountSoAChangedVoteUndoesItsEarlierChoice()
    {
        // City voted Terminate, then changed to Renew: only the current Renew is counted.
        var current = new[] { VoteChoice.Renew, VoteChoice.Terminate };
        var tally = DecisionRule.Count(current, 3, 2);
        Assert.Equal(1, tally.Terminate);
        Assert.Equal(1, tally.NotVoted);
        Assert.Null(DecisionRule.Decide(tally, closed: false, DecisionOutcome.Renew));
    }

    [Fact]
    public void TheTallyReadsAsASentence() =>
        Assert.Equal("Terminate 2 · Renew 0 · Abstain 0 · Recused 1 · Not voted 0 (2 of 3 needed to terminate)",
            DecisionRule.Count([VoteChoice.Terminate, VoteChoice.Terminate, VoteChoice.Recuse], 3, 2).ToString());

    [Fact]
    public void ABallotAcceptsVotesFromItsOpeningInstantUpToButNotIncludingItsClosingInstant()
    {
        var opens = new DateTimeOffset(2027, 3, 1, 14, 0, 0, TimeSpan.Zero);
        var closes = opens.AddDays(10);
        Assert.Equal(BallotPhase.NotYetOpen, DecisionRule.PhaseAt(opens, closes, false, false, opens.AddTicks(-1)));
        Assert.Equal(BallotPhase.Open, DecisionRule.PhaseAt(opens, closes, false, false, opens));
        Assert.Equal(BallotPhase.Open, DecisionRule.PhaseAt(opens, closes, false, false, closes.AddMilliseconds(-10)));
        Assert.Equal(BallotPhase.ClosePending, DecisionRule.PhaseAt(opens, closes, false, false, closes));
        Assert.Equal(BallotPhase.ClosedByDefault, DecisionRule.PhaseAt(opens, closes, true, true, closes));
        Assert.Equal(BallotPhase.Decided, DecisionRule.PhaseAt(opens, closes, true, false, opens.AddHours(1)));
    }
}
