using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Agreements;
using PortalApp.Ballots;
using PortalApp.Letters;
using PortalApp.Terms;

namespace PortalApp.Tests.Ballots;

/// <summary>An amendment's adoption ballot: the same seats and live page as a term ballot, and never read as a renewal or termination.</summary>
[Collection(BallotCollection.Name)]
public sealed class AdoptionBallotTests(BallotHost host)
{
    private async Task<VoteResult> VoteAsync(string email, int ballotId, Party seat, VoteChoice choice, string rationale = "Because.")
    {
        await using var scope = await host.ScopeAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<BallotService>().CastVoteAsync(new VoteRequest(ballotId, seat, choice, rationale));
    }

    private async Task<AgreementDetail> AgreementAsync(int agreementId)
    {
        await using var scope = await host.ScopeAsAsync("auditor@portal.local");
        return (await scope.ServiceProvider.GetRequiredService<AgreementService>().GetAsync(agreementId))!;
    }

    [Fact]
    public async Task TwoAdoptVotesAdoptTheAmendmentAndTheDecisionIsNoRenewalOrTermination()
    {
        var (agreementId, amendmentId, ballotId) = await host.NewAdoptionBallotAsync();
        var before = await AgreementAsync(agreementId);
        Assert.Equal("Awaiting adoption (ballot open).", AmendmentList.AdoptionText(before.Amendments.Single(m => m.Id == amendmentId)));
        // An open adoption ballot puts nothing about the term under review.
        Assert.Equal(LifecyclePhase.Active, before.Lifecycle.Phase);

        Assert.Equal("Your vote was recorded.", (await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Adopt)).Message);
        var deciding = await VoteAsync("da@portal.local", ballotId, Party.DistrictAttorney, VoteChoice.Adopt);

        Assert.Equal("Your vote was recorded and met the threshold: the ballot is decided — Adopted.", deciding.Message);
        var after = await AgreementAsync(agreementId);
        Assert.Equal((LifecyclePhase.Active, before.ExpiryDate, AgreementStatus.Active),
            (after.Lifecycle.Phase, after.ExpiryDate, await StatusAsync(agreementId)));
        var amendment = after.Amendments.Single(m => m.Id == amendmentId);
        Assert.Equal(AmendmentStanding.InForce, amendment.Standing);
        Assert.StartsWith($"Adopted by ballot {ballotId} on ", AmendmentList.AdoptionText(amendment), StringComparison.Ordinal);
        Assert.Equal(DecisionOutcome.Adopt, after.Ballots.Single(b => b.Id == ballotId).Outcome);
        await using (var scope = await host.ScopeAsAsync("solicitor@portal.local"))
        {
            var letters = scope.ServiceProvider.GetRequiredService<LetterService>();
            Assert.DoesNotContain(await letters.DecisionsAsync(), d => d.BallotId == ballotId);
            int template;
            await using (var templates = await host.CreateDbAsync())
            {
                template = await templates.LetterTemplates.Select(t => t.Id).FirstAsync();
            }
            var (draft, _) = await letters.DraftAsync(ballotId, template);
            Assert.Equal("That ballot decided an amendment's adoption, not a renewal or termination; no letter implements it.", draft.Message);
        }
        await using var db = await host.CreateDbAsync();
        Assert.True(await db.AccessLog.AnyAsync(e => e.Action == AccessActions.Decision && e.Target == $"ballot:{ballotId}"
            && e.Filters!.Contains("kind=adoption; amendment=1; outcome=Adopt")));
        Assert.True(await db.AgreementEvents.AnyAsync(e => e.AgreementId == agreementId && e.Kind == AgreementTimeline.Adopted));
        Assert.False(await db.AgreementEvents.AnyAsync(e => e.AgreementId == agreementId && e.Kind == AgreementTimeline.Renewed));
    }

    [Fact]
    public async Task AnAdoptionBallotOffersAdoptRejectAbstainOrRecuseAndRefusesRenewOrTerminate()
    {
        var (_, _, ballotId) = await host.NewAdoptionBallotAsync();

        var renew = await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Renew);
        var terminate = await VoteAsync("da@portal.local", ballotId, Party.DistrictAttorney, VoteChoice.Terminate);

        Assert.Equal("On this ballot choose Adopt, Reject, Abstain or Recuse; nothing was recorded.", renew.Message);
        Assert.False(terminate.Succeeded);
        await using var db = await host.CreateDbAsync();
        Assert.False(await db.Votes.AnyAsync(v => v.BallotId == ballotId));
    }

    [Fact]
    public async Task TwoRejectVotesDoNotDecideEarlyAndTheCloseLeavesTheAmendmentNotAdopted()
    {
        var (agreementId, amendmentId, ballotId) = await host.NewAdoptionBallotAsync();
        await VoteAsync("city@portal.local", ballotId, Party.City, VoteChoice.Reject);
        await VoteAsync("da@portal.local", ballotId, Party.DistrictAttorney, VoteChoice.Reject);
        await using (var db = await host.CreateDbAsync())
        {
            Assert.False(await db.BallotDecisions.AnyAsync(d => d.BallotId == ballotId));
            var ballot = await db.Ballots.SingleAsync(b => b.Id == ballotId);
            host.Time.Advance(ballot.ClosesUtc - host.Time.GetUtcNow());
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BallotClosing>().ApplyDefaultOutcomesAsync();
        }

        await using var check = await host.CreateDbAsync();
        var decision = await check.BallotDecisions.SingleAsync(d => d.BallotId == ballotId);
        Assert.Equal((DecisionOutcome.Reject, true), (decision.Outcome, decision.ByDefault));
        var amendment = (await AgreementAsync(agreementId)).Amendments.Single(m => m.Id == amendmentId);
        Assert.Equal(AmendmentStanding.AwaitingAdoption, amendment.Standing);
        Assert.StartsWith($"Not adopted: ballot {ballotId} closed on ", AmendmentList.AdoptionText(amendment), StringComparison.Ordinal);
        Assert.True(amendment.CanOpenAdoptionBallot);
    }

    [Fact]
    public async Task OnlyAnAmendmentAwaitingAdoptionIsPutToTheVoteAndOnlyOnceAtATimeAndTheOpeningIsLogged()
    {
        var (agreementId, amendmentId, ballotId) = await host.NewAdoptionBallotAsync();
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var admin = scope.ServiceProvider.GetRequiredService<AgreementAdminService>();
        var form = (await admin.AdoptionBallotFormForAsync(agreementId, amendmentId))!;
        Assert.Equal((2, 3), (form.Threshold, form.Seats));

        var (again, _) = await admin.OpenAdoptionBallotAsync(agreementId, amendmentId, form);
        await using var db = await host.CreateDbAsync();
        var original = await db.Amendments.Where(m => m.AgreementId == agreementId && m.Number == 0).Select(m => m.Id).SingleAsync();
        var (onOriginal, _) = await admin.OpenAdoptionBallotAsync(agreementId, original, form);

        Assert.Equal($"Amendment 1 already has an open adoption ballot (ballot {ballotId}); wait for its decision.", again.Message);
        Assert.StartsWith("Amendment 0 does not await adoption", onOriginal.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.Ballots.CountAsync(b => b.AgreementId == agreementId));
        var ballot = await db.Ballots.SingleAsync(b => b.Id == ballotId);
        Assert.Equal((BallotKind.AmendmentAdoption, "Adopt amendment 1: Arrestees visible", 2), (ballot.Kind, ballot.Term, ballot.TerminationThreshold));
        Assert.True(await db.AccessLog.AnyAsync(e => e.Action == AccessActions.BallotOpen && e.Target == $"ballot:{ballotId}"
            && e.UserName == "admin@portal.local" && e.Filters!.Contains("kind=adoption") && e.Filters.Contains("amendment=1")));
        Assert.Equal(AgreementStatus.Active, await StatusAsync(agreementId));
        var (termResult, _) = await admin.OpenBallotAsync(agreementId, (await admin.BallotFormForAsync(agreementId))!);
        Assert.True(termResult.Succeeded, termResult.Message);
    }

    [Fact]
    public async Task ConcurrentAdoptVotesDecideExactlyOnce()
    {
        (string Email, Party Seat)[] voters =
        [
            ("city@portal.local", Party.City), ("city-alt@portal.local", Party.City),
            ("da@portal.local", Party.DistrictAttorney), ("courts@portal.local", Party.Courts),
        ];
        for (var round = 0; round < 3; round++)
        {
            var (_, _, ballotId) = await host.NewAdoptionBallotAsync();
            var scopes = new List<AsyncServiceScope>();
            foreach (var (email, _) in voters.Concat(voters).Concat(voters))
            {
                scopes.Add(await host.ScopeAsAsync(email));
            }
            var start = new TaskCompletionSource();
            var tasks = scopes.Select((scope, i) => Task.Run(async () =>
            {
                await start.Task;
                var (_, seat) = voters[i % voters.Length];
                var choice = i % 5 == 4 ? VoteChoice.Reject : VoteChoice.Adopt;
                return await scope.ServiceProvider.GetRequiredService<BallotService>().CastVoteAsync(new VoteRequest(ballotId, seat, choice, $"round {round} attempt {i}"));
            })).ToList();
            start.SetResult();
            await Task.WhenAll(tasks);
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }

            await using var db = await host.CreateDbAsync();
            var decision = await db.BallotDecisions.SingleAsync(d => d.BallotId == ballotId);
            var votes = await db.Votes.AsNoTracking().Where(v => v.BallotId == ballotId).OrderBy(v => v.Id).ToListAsync();
            Assert.Equal((DecisionOutcome.Adopt, votes[^1].Id), (decision.Outcome, decision.DecidingVoteId));
            Assert.Equal(1, await db.AccessLog.CountAsync(e => e.Action == AccessActions.Decision && e.Target == $"ballot:{ballotId}"));
        }
    }

    private async Task<AgreementStatus> StatusAsync(int agreementId)
    {
        await using var db = await host.CreateDbAsync();
        return await db.Agreements.Where(a => a.Id == agreementId).Select(a => a.Status).SingleAsync();
    }
}
