using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Ballots;
using PortalApp.Notifications;
using PortalApp.Terms;

namespace PortalApp.Tests.Ballots;

[Collection(BallotCollection.Name)]
public sealed class VotingTests(BallotHost host)
{
    private Task<(int AgreementId, int BallotId, DateTimeOffset ClosesUtc)> OpenBallotAsync() =>
        host.NewBallotClosingAfterAsync(TimeSpan.FromDays(30));

    private async Task<VoteResult> VoteAsync(string email, int ballotId, Party seat, VoteChoice choice, string rationale = "Because.")
    {
        await using var scope = await host.ScopeAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<BallotService>().CastVoteAsync(new VoteRequest(ballotId, seat, choice, rationale));
    }

    private async Task<BallotView> ViewAsync(string email, int ballotId)
    {
        await using var scope = await host.ScopeAsAsync(email);
        return (await scope.ServiceProvider.GetRequiredService<BallotService>().GetAsync(ballotId))!;
    }

    [Fact]
    public async Task AStakeholderVotesForTheirSeatAndKeepsAReceiptThatMatchesTheStoredVote()
    {
        var (agreementId, ballotId, _) = await OpenBallotAsync();

        var result = await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Terminate, "The agency never audited its use.");

        Assert.True(result.Succeeded, result.Message);
        var receipt = result.Receipt!;
        Assert.Equal((ballotId, Party.City, VoteChoice.Terminate, "city@portal.local", false), (receipt.BallotId, receipt.Seat, receipt.Choice, receipt.CastBy, receipt.CastByAlternate));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\dZ$", receipt.CastUtcText);
        await using var db = await host.CreateDbAsync();
        var vote = await db.Votes.SingleAsync(v => v.BallotId == ballotId);
        var ballot = await db.Ballots.SingleAsync(b => b.Id == ballotId);
        Assert.Equal(receipt.Hash, vote.ReceiptHash);
        Assert.Equal(receipt.Hash, VoteReceipts.Hash(vote, ballot.AmendmentHash, "genesis"));
        Assert.Equal(receipt.CastUtc, vote.CastUtc);
        Assert.True(await db.AccessLog.AnyAsync(e => e.Action == AccessActions.Vote && e.Target == $"ballot:{ballotId}"
            && e.Outcome == AccessOutcomes.Success && e.UserName == "city@portal.local" && e.Filters!.Contains(receipt.Hash)));
        Assert.True(await db.AgreementEvents.AnyAsync(e => e.AgreementId == agreementId && e.Kind == AgreementTimeline.Vote && e.Summary.Contains("City seat voted Terminate")));
    }

    [Theory]
    [InlineData("   ", "The rationale is required.")]
    [InlineData("bell\u0007", "The rationale contains control characters.")]
    public async Task AVoteNeedsAPlainTextRationaleAndABadOneRecordsNothing(string rationale, string message)
    {
        var (_, ballotId, _) = await OpenBallotAsync();

        var result = await VoteAsync("da@portal.local", ballotId, Party.DistrictAttorney, VoteChoice.Terminate, rationale);

        Assert.Equal($"{message} Nothing was recorded.", result.Message);
        await using var db = await host.CreateDbAsync();
        Assert.False(await db.Votes.AnyAsync(v => v.BallotId == ballotId));
    }

    [Fact]
    public async Task AVoteForAnotherPartysSeatIsRefusedAndFlagged()
    {
        var (_, ballotId, _) = await OpenBallotAsync();

        var result = await VoteAsync("courts@portal.local", ballotId, Party.City, VoteChoice.Terminate);

        Assert.False(result.Succeeded);
        Assert.Equal("You may vote only for your own party's seat (Courts); this vote was for the City seat.", result.Message);
        await using var db = await host.CreateDbAsync();
        Assert.False(await db.Votes.AnyAsync(v => v.BallotId == ballotId));
        Assert.True(await db.AccessLog.AnyAsync(e => e.Target == $"ballot:{ballotId}" && e.Outcome == AccessOutcomes.Refused && e.Flagged));
    }

    [Theory]
    [InlineData("clerk@portal.local", "Clerk")]
    [InlineData("admin@portal.local", "Admin")]
    [InlineData("solicitor@portal.local", "Solicitor")]
    public async Task ANonStakeholderCannotVote(string email, string role)
    {
        var (_, ballotId, _) = await OpenBallotAsync();

        var result = await VoteAsync(email, ballotId, Party.City, VoteChoice.Renew);

        Assert.False(result.Succeeded);
        Assert.Contains($"your role ({role}) may view the ballot but not vote", result.Message, StringComparison.Ordinal);
        Assert.Null((await ViewAsync(email, ballotId)).MySeat);
    }

    [Fact]
    public async Task AnAlternateVotesForTheSeatAndTheChangeByThePrimaryKeepsTheHistory()
    {
        var (agreementId, ballotId, _) = await OpenBallotAsync();

        var byAlternate = await VoteAsync("city-alt@portal.local", ballotId, Party.City, VoteChoice.Renew, "Pending review.");
        var byPrimary = await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Abstain, "Conflict of interest on review.");

        Assert.True(byAlternate.Succeeded && byAlternate.Receipt!.CastByAlternate, byAlternate.Message);
        Assert.Equal("city-alt@portal.local (alternate)", byAlternate.Receipt.CastByLabel);
        Assert.StartsWith("Your vote was recorded: Abstain. It replaces the City seat's vote of Renew, cast by Marcus Ortega (alternate for Dana Whitfield) at ", byPrimary.Message, StringComparison.Ordinal);
        var view = await ViewAsync("da@portal.local", ballotId);
        Assert.Equal(2, view.History.Count);
        Assert.Equal([false, true], view.History.Select(v => v.IsCurrent));
        Assert.True(view.History[0].CastByAlternate);
        Assert.Equal(VoteChoice.Abstain, view.Seats.Single(s => s.Party == Party.City).Current!.Choice);
        await using var db = await host.CreateDbAsync();
        Assert.True(await db.AgreementEvents.AnyAsync(e => e.AgreementId == agreementId && e.Kind == AgreementTimeline.VoteChanged
            && e.Summary.Contains("changed from Renew, cast by Marcus Ortega (alternate for Dana Whitfield), to Abstain, cast by Dana Whitfield (primary)")));
        Assert.NotEqual(view.History[0].ReceiptHash, view.History[1].ReceiptHash);
    }

    [Fact]
    public async Task ARationaleOnlyChangeSaysTheVoteStaysAndTheRationaleChanged()
    {
        var (agreementId, ballotId, _) = await OpenBallotAsync();
        var reference = (await ViewAsync("da@portal.local", ballotId)).AgreementReference;

        await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Abstain, "Waiting for the audit.");
        var again = await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Abstain, "The audit is late; still waiting.");

        Assert.True(again.Succeeded);
        Assert.Equal("Your vote stays Abstain; its rationale was updated.", again.Message);
        await using var db = await host.CreateDbAsync();
        Assert.True(await db.Notifications.AnyAsync(n => n.Text == $"{reference}: the City seat kept its vote of Abstain and updated its rationale (Dana Whitfield (primary))."));
        Assert.True(await db.AgreementEvents.AnyAsync(e => e.AgreementId == agreementId && e.Kind == AgreementTimeline.VoteChanged
            && e.Summary.Contains("The City seat kept its vote of Abstain on ") && e.Summary.EndsWith("and updated its rationale, cast by Dana Whitfield (primary).")));
        Assert.False(await db.AgreementEvents.AnyAsync(e => e.AgreementId == agreementId && e.Summary.Contains("from Abstain to Abstain")));
    }

    [Fact]
    public async Task WhenTheAlternateReplacesThePrimarysVoteEveryoneIsToldWhoChangedIt()
    {
        var (agreementId, ballotId, _) = await OpenBallotAsync();
        var reference = (await ViewAsync("da@portal.local", ballotId)).AgreementReference;

        await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Terminate, "Never audited.");
        var byAlternate = await VoteAsync("city-alt@portal.local", ballotId, Party.City, VoteChoice.Renew, "Pending review.");
        var byPrimaryAgain = await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Terminate, "Never audited, still.");
        var andAgain = await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Abstain, "On reflection.");

        Assert.StartsWith("Your vote was recorded: Renew. It replaces the City seat's vote of Terminate, cast by Dana Whitfield (primary) at ", byAlternate.Message, StringComparison.Ordinal);
        Assert.Contains("cast by Marcus Ortega (alternate for Dana Whitfield)", byPrimaryAgain.Message, StringComparison.Ordinal);
        Assert.Equal("Your vote was changed from Terminate to Abstain.", andAgain.Message);
        await using var db = await host.CreateDbAsync();
        Assert.True(await db.Notifications.AnyAsync(n => n.Text == $"{reference}: the City seat's vote changed from Terminate (Dana Whitfield (primary)) to Renew (Marcus Ortega (alternate for Dana Whitfield))."));
        Assert.True(await db.AgreementEvents.AnyAsync(e => e.AgreementId == agreementId && e.Kind == AgreementTimeline.VoteChanged
            && e.Summary.Contains("changed from Terminate, cast by Dana Whitfield (primary), to Renew, cast by Marcus Ortega (alternate for Dana Whitfield)")));
        var city = (await ViewAsync("clerk@portal.local", ballotId)).History.Where(v => v.Party == Party.City).Select(v => (v.Choice, v.CastByLabel));
        Assert.Equal(
            [(VoteChoice.Terminate, "Dana Whitfield (primary)"), (VoteChoice.Renew, "Marcus Ortega (alternate for Dana Whitfield)"),
             (VoteChoice.Terminate, "Dana Whitfield (primary)"), (VoteChoice.Abstain, "Dana Whitfield (primary)")],
            city);
    }

    [Fact]
    public async Task ARecusalIsRecordedAndCountsTowardNeitherSide()
    {
        var (agreementId, ballotId, _) = await OpenBallotAsync();

        await VoteAsync("courts@portal.local", ballotId, Party.Courts, VoteChoice.Recuse, "A matter before the court.");
        await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Terminate);

        var view = await ViewAsync("clerk@portal.local", ballotId);
        Assert.Null(view.Decision);
        Assert.Equal((1, 1, 2), (view.Tally.Recused, view.Tally.Terminate, view.Tally.Threshold));
        await using var db = await host.CreateDbAsync();
        Assert.True(await db.AgreementEvents.AnyAsync(e => e.AgreementId == agreementId && e.Kind == AgreementTimeline.Recusal));
    }

    [Fact]
    public async Task TheSecondTerminateDecidesAtOnceAndALaterVoteIsRefusedSayingHowItWasDecided()
    {
        var (agreementId, ballotId, _) = await OpenBallotAsync();

        await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Terminate);
        var deciding = await VoteAsync("da@portal.local", ballotId, Party.DistrictAttorney, VoteChoice.Terminate);
        var late = await VoteAsync("courts@portal.local", ballotId, Party.Courts, VoteChoice.Renew);

        Assert.Contains("met the threshold", deciding.Message, StringComparison.Ordinal);
        Assert.False(late.Succeeded);
        Assert.StartsWith("This ballot was decided at ", late.Message, StringComparison.Ordinal);
        Assert.Contains(": Terminate (Terminate 2 ·", late.Message, StringComparison.Ordinal);
        Assert.EndsWith("Votes are no longer accepted.", late.Message, StringComparison.Ordinal);
        await using var db = await host.CreateDbAsync();
        var decision = await db.BallotDecisions.SingleAsync(d => d.BallotId == ballotId);
        Assert.False(decision.ByDefault);
        Assert.Equal(await db.Votes.Where(v => v.BallotId == ballotId).MaxAsync(v => v.Id), decision.DecidingVoteId);
        Assert.Equal(2, await db.Votes.CountAsync(v => v.BallotId == ballotId));
        Assert.Equal(1, await db.AccessLog.CountAsync(e => e.Action == AccessActions.Decision && e.Target == $"ballot:{ballotId}"));
        Assert.True(await db.AgreementEvents.AnyAsync(e => e.AgreementId == agreementId && e.Kind == AgreementTimeline.Decision));
        Assert.Equal(BallotStatus.Decided, (await db.Ballots.SingleAsync(b => b.Id == ballotId)).Status);
    }

    [Fact]
    public async Task AVoteJustBeforeTheClosingInstantCountsAndOneAtItIsRefusedSayingTheDefaultApplied()
    {
        var (agreementId, ballotId, closesUtc) = await host.NewBallotClosingAfterAsync(TimeSpan.FromMinutes(1));
        await using (var db = await host.CreateDbAsync())
        {
            var expiryBefore = (await db.Agreements.SingleAsync(a => a.Id == agreementId)).ExpiryDate;

            host.Time.SetUtcNow(closesUtc.AddMilliseconds(-10));
            var inTime = await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Terminate);
            host.Time.Advance(TimeSpan.FromMilliseconds(10));
            var atClose = await VoteAsync("da@portal.local", ballotId, Party.DistrictAttorney, VoteChoice.Terminate);

            Assert.True(inTime.Succeeded, inTime.Message);
            Assert.False(atClose.Succeeded);
            Assert.Contains("without the termination threshold, so it was decided by default: Renew", atClose.Message, StringComparison.Ordinal);
            var decision = await db.BallotDecisions.AsNoTracking().SingleAsync(d => d.BallotId == ballotId);
            Assert.True(decision.ByDefault);
            Assert.Equal(closesUtc, decision.DecidedUtc);
            var agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == agreementId);
            Assert.Equal((AgreementStatus.Active, expiryBefore.AddMonths(12)), (agreement.Status, agreement.ExpiryDate));
        }
    }

    [Fact]
    public async Task TheClosingServiceAppliesTheDefaultOutcomeAtTheClosingTime()
    {
        var (agreementId, ballotId, closesUtc) = await host.NewBallotClosingAfterAsync(TimeSpan.FromMinutes(2));

        host.Time.SetUtcNow(closesUtc.AddSeconds(-1));
        await Task.Delay(300);
        await using var db = await host.CreateDbAsync();
        Assert.False(await db.BallotDecisions.AnyAsync(d => d.BallotId == ballotId));

        host.Time.Advance(TimeSpan.FromSeconds(1));
        BallotDecision? decision = null;
        for (var i = 0; i < 100 && decision is null; i++)
        {
            await Task.Delay(100);
            decision = await db.BallotDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.BallotId == ballotId);
        }
        Assert.NotNull(decision);
        Assert.Equal((DecisionOutcome.Renew, true, closesUtc), (decision.Outcome, decision.ByDefault, decision.DecidedUtc));
        Assert.True(await db.AccessLog.AnyAsync(e => e.Action == AccessActions.Decision && e.Target == $"ballot:{ballotId}" && e.UserName == "system (ballot closing)"));
        Assert.True(await db.AgreementEvents.AnyAsync(e => e.AgreementId == agreementId && e.Kind == AgreementTimeline.Renewed));
    }

    [Fact]
    public async Task NeedsMyVoteListsAnOpenBallotUntilTheSeatHasVoted()
    {
        var (_, ballotId, _) = await OpenBallotAsync();
        async Task<bool> PendingFor(string email)
        {
            await using var scope = await host.ScopeAsAsync(email);
            return (await scope.ServiceProvider.GetRequiredService<BallotService>().NeedsMyVoteAsync()).Any(p => p.BallotId == ballotId);
        }

        Assert.True(await PendingFor("city-alt@portal.local"));
        await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Renew);

        Assert.False(await PendingFor("city-alt@portal.local"));
        Assert.True(await PendingFor("da@portal.local"));
        Assert.False(await PendingFor("clerk@portal.local"));
    }

    [Fact]
    public async Task AVoteRaisesTheBellCountOfOthersUntilTheyReadIt()
    {
        await using var scope = await host.ScopeAsAsync("solicitor@portal.local");
        var bell = scope.ServiceProvider.GetRequiredService<NotificationService>();
        await bell.MarkAllReadAsync();
        Assert.Equal(0, await bell.UnreadCountAsync());

        var (_, ballotId, _) = await OpenBallotAsync();
        await VoteAsync("da@portal.local", ballotId, Party.DistrictAttorney, VoteChoice.Abstain);

        Assert.Equal(2, await bell.UnreadCountAsync());
        Assert.Contains(await bell.LatestAsync(), n => n.Unread && n.Text.Contains("the District Attorney seat voted Abstain (Priya Raman (primary)).", StringComparison.Ordinal));
        await bell.MarkAllReadAsync();
        Assert.Equal(0, await bell.UnreadCountAsync());
    }

    [Fact]
    public async Task ADeadlineReminderIsPostedOncePerStage()
    {
        var agreementId = await host.NewAgreementAsync(expiryInDays: 90 + 100);
        await using var scope = host.Services.CreateAsyncScope();
        var closing = scope.ServiceProvider.GetRequiredService<BallotClosing>();

        await closing.PostDeadlineRemindersAsync();
        await closing.PostDeadlineRemindersAsync();

        await using var db = await host.CreateDbAsync();
        var reminders = await db.AgreementEvents.Where(e => e.AgreementId == agreementId && e.Kind == AgreementTimeline.Reminder).ToListAsync();
        var reminder = Assert.Single(reminders);
        Assert.StartsWith("120-day reminder: 100 days left", reminder.Summary, StringComparison.Ordinal);
    }
}
