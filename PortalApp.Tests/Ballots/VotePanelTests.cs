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
}
