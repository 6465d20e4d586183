using Bunit;
using Portal.Data.Entities;
using PortalApp.Ballots;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Ballots;

/// <summary>What the ballot page's parts say: the receipt's time, who holds and cast each seat's votes, and why a seat's vote panel is gone.</summary>
public sealed class BallotPartsTests : MudComponentTest
{
    // 9:34 PM in New York on December 5 is already December 6 in UTC.
    private static readonly DateTimeOffset EveningOfDecember5 = new(2026, 12, 6, 2, 34, 17, TimeSpan.Zero);

    private static VoteView Vote(long id, VoteChoice choice, bool byAlternate, bool current, DateTimeOffset at) => new(
        id, Party.City, choice, $"rationale {id}", byAlternate ? "city-alt@portal.local" : "city@portal.local",
        byAlternate ? "Marcus Ortega (City, alternate)" : "Dana Whitfield (City)", byAlternate, at, current, new string((char)('a' + id), 64), "Dana Whitfield (City)");

    private static BallotView Ballot(IReadOnlyList<VoteView> history, DecisionView? decision = null) => new(
        1, 1, "PARS-ICE-2008", "Agreement", "Term ending 2027-07-31", 1, "2009 amendment", new string('c', 64),
        EveningOfDecember5.AddDays(-1), EveningOfDecember5.AddDays(100), DecisionOutcome.Renew,
        decision is null ? BallotPhase.Open : BallotPhase.Decided,
        DecisionRule.Count(history.Where(v => v.IsCurrent).Select(v => v.Choice), 3, 2),
        [
            new SeatVoteView(Party.City, "Dana Whitfield (City)", "Marcus Ortega (City, alternate)", history.LastOrDefault(v => v.IsCurrent)),
            new SeatVoteView(Party.Courts, "Hon. Ellen Brooks (Courts)", null, null),
        ],
        history, decision, MySeat: null);

    [Fact]
    public void TheReceiptShowsTheCitysTimeWithUtcBesideIt()
    {
        var receipt = RenderWithMud<ReceiptCard>(p => p.Add(x => x.Receipt,
            new VoteReceipt(1, "PARS-ICE-2008", Party.City, VoteChoice.Terminate, "city@portal.local", false, EveningOfDecember5, new string('d', 64))));

        Assert.Equal("Dec 5, 2026 9:34:17 PM ET", receipt.Find("[data-testid=receipt-time]").TextContent);
        Assert.Equal("(UTC 2026-12-06T02:34:17.00Z)", receipt.Find("[data-testid=receipt-time-utc]").TextContent);
    }

    [Fact]
    public void ASeatCastByItsAlternateNamesTheAlternateForThePrimaryAndKeepsThePrimarysEarlierVote()
    {
        var history = new[]
        {
            Vote(1, VoteChoice.Terminate, byAlternate: false, current: false, EveningOfDecember5.AddMinutes(-30)),
            Vote(2, VoteChoice.Renew, byAlternate: true, current: true, EveningOfDecember5),
        };

        var seats = RenderWithMud<SeatVotes>(p => p.Add(x => x.Ballot, Ballot(history)));

        var officials = seats.Find("[data-testid=seat-officials-City]").TextContent;
        Assert.Contains("Dana Whitfield, primary", officials, StringComparison.Ordinal);
        Assert.Contains("Marcus Ortega, alternate", officials, StringComparison.Ordinal);
        Assert.DoesNotContain("(City)", officials, StringComparison.Ordinal);
        var cast = seats.Find("[data-testid=seat-cast-City]").TextContent;
        Assert.Contains("Dec 5, 2026 9:34 PM ET by Marcus Ortega (alternate for Dana Whitfield)", cast, StringComparison.Ordinal);
        Assert.Contains("Replaced: Terminate, Dec 5, 2026 9:04 PM ET by Dana Whitfield (primary)", cast, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHistoryNamesEachVoterAndTheirRoleOnTheSeat()
    {
        var history = new[]
        {
            Vote(1, VoteChoice.Terminate, byAlternate: false, current: false, EveningOfDecember5.AddMinutes(-30)),
            Vote(2, VoteChoice.Renew, byAlternate: true, current: true, EveningOfDecember5),
        };

        var table = RenderWithMud<VoteHistory>(p => p.Add(x => x.History, history)).Find("[data-testid=vote-history]").TextContent;

        Assert.Contains("Marcus Ortega (alternate for Dana Whitfield)", table, StringComparison.Ordinal);
        Assert.Contains("Dana Whitfield (primary)", table, StringComparison.Ordinal);
    }

    [Fact]
    public void ASeatThatDidNotVoteIsToldTheBallotWasDecidedAndWhenInCityTime()
    {
        var history = new[] { Vote(1, VoteChoice.Terminate, byAlternate: false, current: true, EveningOfDecember5.AddMinutes(-1)) };
        var decided = Ballot(history, new DecisionView(DecisionOutcome.Terminate, EveningOfDecember5, "Terminate 2", ByDefault: false));

        var notice = RenderWithMud<VoteClosedNotice>(p => p.Add(x => x.Ballot, decided).Add(x => x.Seat, new VoterSeat(Party.Courts, false)));

        Assert.Equal(
            "This ballot was decided at Dec 5, 2026 9:34 PM ET: Terminate, when the termination threshold was met. It takes no more votes; the Courts seat did not vote.",
            notice.Find("[data-testid=vote-closed]").TextContent.Trim());
    }
}
