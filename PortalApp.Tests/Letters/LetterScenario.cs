using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Letters;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Letters;

/// <summary>Builds decided ballots directly in the database, so letter tests depend on no ballot code.</summary>
internal static class LetterScenario
{
    public const string Solicitor = "solicitor@portal.local";

    /// <summary>A new active agreement (a copy of the demo's parties) whose ballot has been decided.</summary>
    public static async Task<(int AgreementId, int BallotId)> DecidedAgreementAsync(PortalHost host, DecisionOutcome outcome = DecisionOutcome.Terminate)
    {
        await using var db = await Db(host);
        return await DecidedAgreementAsync(db, host.Time, outcome);
    }

    /// <summary>The same in any portal's database (for example one of a separate process), at <paramref name="time"/>'s now.</summary>
    public static async Task<(int AgreementId, int BallotId)> DecidedAgreementAsync(PortalDbContext db, TimeProvider time, DecisionOutcome outcome = DecisionOutcome.Terminate)
    {
        var now = time.GetUtcNow();
        var ballot = await BallotOnNewAgreementAsync(db, "TEST", AgreementStatus.Active, now, PortalTime.Today(time), b =>
        {
            b.OpensUtc = now.AddDays(-2);
            b.Status = BallotStatus.Decided;
            b.Decision = new BallotDecision { Outcome = outcome, DecidedUtc = now.AddMinutes(-5), Tally = "Terminate 2, Renew 1" };
        });
        var agreement = ballot.Agreement!;
        var city = agreement.Seats.Single(s => s.Party == Party.City);
        db.Votes.Add(new Vote
        {
            BallotId = ballot.Id, Party = Party.City, Choice = outcome == DecisionOutcome.Terminate ? VoteChoice.Terminate : VoteChoice.Renew,
            Rationale = "The agency never audited its own use of the data.", CastByUserId = city.PrimaryUserId, CastByUserName = "city@portal.local",
            CastUtc = now.AddMinutes(-10), IsCurrent = true, ReceiptHash = "test",
        });
        await db.SaveChangesAsync();
        return (agreement.Id, ballot.Id);
    }

    /// <summary>A new agreement seated like the demo's, with one ballot on the demo's latest amendment, shaped by <paramref name="shape"/>.</summary>
    public static async Task<Ballot> BallotOnNewAgreementAsync(PortalDbContext db, string referencePrefix, AgreementStatus status, DateTimeOffset now, DateOnly today, Action<Ballot> shape)
    {
        var demo = await db.Agreements.AsNoTracking().Include(a => a.Seats).Include(a => a.Amendments).SingleAsync(a => a.Reference == DemoAgreement.Reference);
        var agreement = new Agreement
        {
            Reference = $"{referencePrefix}-{Guid.NewGuid():N}"[..16].ToUpperInvariant(),
            Title = "Test data-sharing agreement",
            Counterparty = demo.Counterparty,
            CounterpartyAddress = demo.CounterpartyAddress,
            EffectiveDate = today.AddYears(-1),
            ExpiryDate = today.AddDays(200),
            NoticePeriodDays = 90,
            Status = status,
            Seats = [.. demo.Seats.Select(s => new Seat { Party = s.Party, PrimaryUserId = s.PrimaryUserId, AlternateUserId = s.AlternateUserId })],
        };
        var amendment = demo.Amendments.OrderByDescending(a => a.Number).First();
        var ballot = new Ballot
        {
            Agreement = agreement,
            AmendmentId = amendment.Id,
            AmendmentHash = amendment.ContentHash,
            Term = $"Term ending {agreement.ExpiryDate:yyyy-MM-dd}",
            OpensUtc = now.AddDays(-1),
            ClosesUtc = now.AddDays(10),
            Status = BallotStatus.Open,
        };
        shape(ballot);
        db.Ballots.Add(ballot);
        await db.SaveChangesAsync();
        return ballot;
    }

    /// <summary>A new active agreement of the demo's parties with an open ballot and no votes yet.</summary>
    public static async Task<(int AgreementId, int BallotId)> OpenBallotAsync(PortalHost host)
    {
        var (agreementId, ballotId) = await DecidedAgreementAsync(host);
        await using var db = await Db(host);
        var ballot = await db.Ballots.Include(b => b.Decision).Include(b => b.Votes).SingleAsync(b => b.Id == ballotId);
        db.Votes.RemoveRange(ballot.Votes);
        db.BallotDecisions.Remove(ballot.Decision!);
        ballot.Status = BallotStatus.Open;
        await db.SaveChangesAsync();
        return (agreementId, ballotId);
    }

    public static async Task<int> DraftAsync(PortalHost host, int ballotId, LetterKind kind = LetterKind.Termination)
    {
        await using var scope = await host.ScopeAsAsync(Solicitor);
        var templates = await scope.ServiceProvider.GetRequiredService<LetterTemplates>().ListAsync();
        var (result, id) = await scope.ServiceProvider.GetRequiredService<LetterService>().DraftAsync(ballotId, templates.First(t => t.Kind == kind).Id);
        Assert.True(result.Succeeded, result.Message);
        return id!.Value;
    }

    public static async Task<(int AgreementId, int LetterId)> IssuedTerminationAsync(PortalHost host)
    {
        var (agreementId, ballotId) = await DecidedAgreementAsync(host);
        var letterId = await DraftAsync(host, ballotId);
        await using var scope = await host.ScopeAsAsync(Solicitor);
        var result = await scope.ServiceProvider.GetRequiredService<LetterIssuer>().IssueAsync(letterId);
        Assert.True(result.Succeeded, result.Message);
        return (agreementId, letterId);
    }

    public static async Task<PortalDbContext> Db(PortalHost host) =>
        await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}
