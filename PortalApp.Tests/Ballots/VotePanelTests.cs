using Bunit;
using Portal.Data.Entities;
using PortalApp.Ballots;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Ballots;

public sealed class VotePanelTests : MudComponentTest
{
    [Fact]
    public void TheVoteCannotBeCastUntilAChoiceAndARationaleAreGiven()
    {
        (VoteChoice, string)? cast = null;
        var panel = RenderWithMud<VotePanel>(p => p
            .Add(x => x.Seat, new VoterSeat(Party.City, AsAlternate: true))
            .Add(x => x.OnCast, ((VoteChoice, string) v) => cast = v));

        Assert.Contains("Your vote for the City seat (as alternate)", panel.Markup, StringComparison.Ordinal);
        Assert.True(panel.Find("[data-testid=cast-vote]").HasAttribute("disabled"));

        panel.FindAll("input[type=radio]")[1].Click();
        panel.Find("textarea").Input("Never audited.");

        var button = panel.Find("[data-testid=cast-vote]");
        Assert.False(button.HasAttribute("disabled"));
        button.Click();
        Assert.Equal((VoteChoice.Terminate, "Never audited."), cast);
    }

    [Fact]
    public void ASeatThatHasVotedIsOfferedAChangeOfVote()
    {
        var current = new VoteView(1, Party.Courts, VoteChoice.Renew, "r", "courts@portal.local", "Hon. Ellen Brooks", false, DateTimeOffset.UtcNow, true, new string('a', 64));
        var panel = RenderWithMud<VotePanel>(p => p.Add(x => x.Seat, new VoterSeat(Party.Courts, false)).Add(x => x.Current, current));

        Assert.Contains("current vote is Renew", panel.Find("[data-testid=vote-panel]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Change vote", panel.Find("[data-testid=cast-vote]").TextContent.Trim());
    }

    [Fact]
    public void WhileTheVoteIsBeingRecordedTheButtonSaysSoAndCannotBePressedAgain()
    {
        var panel = RenderWithMud<VotePanel>(p => p.Add(x => x.Seat, new VoterSeat(Party.City, false)).Add(x => x.Busy, true));
        panel.FindAll("input[type=radio]")[0].Click();
        panel.Find("textarea").Input("Continuity.");

        var button = panel.Find("[data-testid=cast-vote]");
        Assert.True(button.HasAttribute("disabled"));
        Assert.Contains("Recording your vote", button.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRationaleIsMarkedRequiredAndItsHelperSaysSoWithoutChangingWhenLeftEmpty()
    {
        var panel = RenderWithMud<VotePanel>(p => p.Add(x => x.Seat, new VoterSeat(Party.City, false)));
        var helper = () => panel.Find("[data-testid=vote-panel] .mud-input-helper-text").TextContent.Trim();

        Assert.True(panel.Find("textarea").HasAttribute("required"));
        Assert.Equal("true", panel.Find("textarea").GetAttribute("aria-required"));
        Assert.StartsWith("Required: a rationale is recorded with your vote and shown to everyone who reads the ballot.", helper(), StringComparison.Ordinal);

        panel.Find("textarea").Input("x");
        panel.Find("textarea").Input("");
        panel.Find("textarea").Blur();

        Assert.StartsWith("Required: a rationale is recorded with your vote and shown to everyone who reads the ballot.", helper(), StringComparison.Ordinal);
        Assert.True(panel.Find("[data-testid=cast-vote]").HasAttribute("disabled"));
    }

    [Fact]
    public void ThePrimaryIsToldWhenTheSeatsCurrentVoteWasCastByTheAlternate()
    {
        var byAlternate = new VoteView(2, Party.City, VoteChoice.Renew, "r", "city-alt@portal.local", "Marcus Ortega (City, alternate)", true,
            new DateTimeOffset(2026, 12, 6, 2, 34, 0, TimeSpan.Zero), true, new string('b', 64), "Dana Whitfield (City)");

        var primary = RenderWithMud<VotePanel>(p => p.Add(x => x.Seat, new VoterSeat(Party.City, false)).Add(x => x.Current, byAlternate));
        var alternate = Render<VotePanel>(p => p.Add(x => x.Seat, new VoterSeat(Party.City, true)).Add(x => x.Current, byAlternate));

        Assert.Contains("current vote is Renew, cast by Marcus Ortega (alternate for Dana Whitfield) at Dec 5, 2026 9:34 PM ET",
            primary.Find("[data-testid=vote-panel-current]").TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("current vote is Renew, cast by you at", alternate.Find("[data-testid=vote-panel-current]").TextContent, StringComparison.Ordinal);
    }
}
