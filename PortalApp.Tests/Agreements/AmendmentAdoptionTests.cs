using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Agreements;
using PortalApp.Authorization;
using PortalApp.Ballots;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Agreements;

/// <summary>What the liaison sees as the demo agreement's schedule changes, its dates arrive and the parties vote on adoption.</summary>
public sealed class AmendmentAdoptionTests(AmendmentAdoptionTests.Host host) : IClassFixture<AmendmentAdoptionTests.Host>
{
    /// <summary>Its own portal: it amends the demo agreement, decides ballots and moves the clock.</summary>
    public sealed class Host : PortalHost;

    private sealed record Seen(bool Victims, bool Witnesses, MaskingAction Race, MaskingAction Name);

    private static readonly Seen AsSigned = new(false, false, MaskingAction.Redact, MaskingAction.Show);
    private static readonly Seen VictimsAndRace = new(true, false, MaskingAction.Show, MaskingAction.Show);
    private static readonly Seen VictimsOnly = new(true, false, MaskingAction.Redact, MaskingAction.Show);

    [Fact]
    public async Task TheLiaisonSeesAWideningOnlyOnceAdoptedByBallotAndItsDateHasComeAndANarrowingFromItsDate()
    {
        var demoId = await DemoAmendments.DemoIdAsync(host);
        var (wide, ballot) = (0, 0);
        (string Step, Func<Task> Act, Seen Expected)[] table =
        [
            ("as signed", () => Task.CompletedTask, AsSigned),
            ("a widening (victims, race) dated in 30 days, before any ballot", async () =>
                wide = await AddAsync(demoId, 30, f => { f.VisibleRoles.Add(InvolvementRole.Victim); f.Fields[RecordFields.Race] = MaskingAction.Show; }), AsSigned),
            ("its adoption ballot open, the City voting Adopt", async () =>
            {
                ballot = await OpenAdoptionBallotAsync(demoId, wide);
                await VoteAsync("city@portal.local", ballot, Party.City, VoteChoice.Adopt);
            }, AsSigned),
            ("adopted by the District Attorney's vote, before its effective date", async () =>
            {
                await VoteAsync("da@portal.local", ballot, Party.DistrictAttorney, VoteChoice.Adopt);
                Assert.Equal(DecisionOutcome.Adopt, await OutcomeAsync(ballot));
            }, AsSigned),
            ("its effective date arrives", () => AdvanceAsync(30), VictimsAndRace),
            ("a widening (witnesses) dated today, two seats voting Reject", async () =>
            {
                ballot = await OpenAdoptionBallotAsync(demoId, await AddAsync(demoId, 0, f => f.VisibleRoles.Add(InvolvementRole.Witness)));
                await VoteAsync("city@portal.local", ballot, Party.City, VoteChoice.Reject);
                await VoteAsync("courts@portal.local", ballot, Party.Courts, VoteChoice.Reject);
            }, VictimsAndRace),
            ("that ballot closed: not adopted", async () =>
            {
                await CloseAsync(ballot);
                Assert.Equal(DecisionOutcome.Reject, await OutcomeAsync(ballot));
            }, VictimsAndRace),
            ("another widening (witnesses) with one Adopt vote, closed by default", async () =>
            {
                ballot = await OpenAdoptionBallotAsync(demoId, await AddAsync(demoId, 0, f => f.VisibleRoles.Add(InvolvementRole.Witness)));
                await VoteAsync("courts@portal.local", ballot, Party.Courts, VoteChoice.Adopt);
                await CloseAsync(ballot);
                Assert.Equal(DecisionOutcome.Reject, await OutcomeAsync(ballot));
            }, VictimsAndRace),
            ("a narrowing (race redacted) dated in 10 days, with no ballot", () => AddAsync(demoId, 10, f => f.Fields[RecordFields.Race] = MaskingAction.Redact), VictimsAndRace),
            ("the narrowing's date arrives", () => AdvanceAsync(10), VictimsOnly),
            ("a month later, neither widening the parties did not adopt applies", () => AdvanceAsync(30), VictimsOnly),
        ];

        foreach (var (step, act, expected) in table)
        {
            await act();
            var seen = await LiaisonSeesAsync();
            Assert.True(expected == seen, $"{step}: the liaison sees {seen}, expected {expected}");
        }
    }

    private Task AdvanceAsync(int days)
    {
        host.Time.Advance(TimeSpan.FromDays(days));
        return Task.CompletedTask;
    }

    private async Task<Seen> LiaisonSeesAsync()
    {
        var access = await TestAgencies.AccessAsync(host, Roles.AgencyLiaison);
        var policy = access.Policy ?? throw new InvalidOperationException(access.Refusal);
        return new Seen(policy.VisibleRoles.Contains(InvolvementRole.Victim), policy.VisibleRoles.Contains(InvolvementRole.Witness),
            policy.ActionFor(RecordFields.Race), policy.ActionFor(RecordFields.Name));
    }

    /// <summary>Adds an amendment dated <paramref name="days"/> from today; returns its id.</summary>
    private async Task<int> AddAsync(int agreementId, int days, Action<AmendmentForm> change)
    {
        await DemoAmendments.AddAsync(host, agreementId, days, change);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<Portal.Data.PortalDbContext>>().CreateDbContextAsync();
        return await db.Amendments.Where(m => m.AgreementId == agreementId).OrderByDescending(m => m.Number).Select(m => m.Id).FirstAsync();
    }

    private async Task<int> OpenAdoptionBallotAsync(int agreementId, int amendmentId)
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var admin = scope.ServiceProvider.GetRequiredService<AgreementAdminService>();
        var (result, ballotId) = await admin.OpenAdoptionBallotAsync(agreementId, amendmentId, (await admin.AdoptionBallotFormForAsync(agreementId, amendmentId))!);
        Assert.True(result.Succeeded, result.Message);
        return ballotId!.Value;
    }

    private async Task VoteAsync(string email, int ballotId, Party seat, VoteChoice choice)
    {
        await using var scope = await host.ScopeAsAsync(email);
        var result = await scope.ServiceProvider.GetRequiredService<BallotService>().CastVoteAsync(new VoteRequest(ballotId, seat, choice, "As our office decided."));
        Assert.True(result.Succeeded, result.Message);
    }

    /// <summary>Moves the clock to the ballot's closing instant and lets the closing duty record its outcome.</summary>
    private async Task CloseAsync(int ballotId)
    {
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<Portal.Data.PortalDbContext>>().CreateDbContextAsync())
        {
            var closes = await db.Ballots.Where(b => b.Id == ballotId).Select(b => b.ClosesUtc).SingleAsync();
            host.Time.Advance(closes - host.Time.GetUtcNow());
        }
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BallotClosing>().ApplyDefaultOutcomesAsync();
    }

    private async Task<DecisionOutcome?> OutcomeAsync(int ballotId)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<Portal.Data.PortalDbContext>>().CreateDbContextAsync();
        return await db.BallotDecisions.Where(d => d.BallotId == ballotId).Select(d => (DecisionOutcome?)d.Outcome).SingleOrDefaultAsync();
    }
}
