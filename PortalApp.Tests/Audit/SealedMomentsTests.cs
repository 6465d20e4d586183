using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Audit;
using PortalApp.Ballots;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Letters;

namespace PortalApp.Tests.Audit;

/// <summary>
/// Issue 19, item 3, in the running portal (a host of its own: these tests tamper with its database): a decision and an
/// issued letter are sealed in the transaction that logs them, and the issuance entry carries the PDF's SHA-256.
/// </summary>
public sealed class SealedMomentsTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task ABallotDecisionIsSealedAtItsOwnLogEntry()
    {
        var (_, ballotId) = await LetterScenario.OpenBallotAsync(host);
        foreach (var (email, seat) in new[] { ("city@portal.local", Party.City), ("da@portal.local", Party.DistrictAttorney) })
        {
            await using var scope = await host.ScopeAsAsync(email);
            var cast = await scope.ServiceProvider.GetRequiredService<BallotService>().CastVoteAsync(
                new VoteRequest(ballotId, seat, VoteChoice.Terminate, "The agency never audited its own use of the data."));
            Assert.True(cast.Succeeded, cast.Message);
        }

        await using var db = await LetterScenario.Db(host);
        var decision = await db.AccessLog.AsNoTracking().SingleAsync(e => e.Action == AccessActions.Decision && e.Target == $"ballot:{ballotId}");
        var seal = await db.AccessLogSeals.AsNoTracking().SingleAsync(s => s.HeadEntryId == decision.Id);
        Assert.Equal(SealReasons.Decision, seal.Reason);
        Assert.Equal(decision.Hash, seal.HeadHash);
        Assert.True(host.Services.GetRequiredService<AccessLogSealer>().IsGenuine(seal));
    }

    [Fact]
    public async Task SwappingAnIssuedLettersPdfAndItsHashIsNamedByTheVerifier()
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        var verifier = host.Services.GetRequiredService<AccessLogVerifier>();
        Letter issued;
        await using (var db = await LetterScenario.Db(host))
        {
            issued = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId);
            var entry = await db.AccessLog.AsNoTracking().SingleAsync(e => e.Filters == LetterEvents.IssuedFilters(issued));
            var seal = await db.AccessLogSeals.AsNoTracking().SingleAsync(s => s.HeadEntryId == entry.Id);
            Assert.Equal(SealReasons.Letter, seal.Reason);
        }
        var before = await verifier.VerifyAsync();
        Assert.True(before.Intact, before.Message);
        Assert.Contains("issued letters match their issuance entries", before.Message, StringComparison.Ordinal);

        // The attacker drops the letters' guard and puts another PDF in place, with that PDF's own hash beside it.
        await host.Database.ExecuteDirectAsync(string.Join('\n', host.Database.Provider == DatabaseProvider.Sqlite
            ? LetterTriggers.Drop : PostgresSafeguards.Drop));
        var forged = issued.Pdf!.ToArray();
        forged[^20] ^= 0x20;
        await using (var db = await LetterScenario.Db(host))
        {
            await db.Letters.Where(l => l.Id == letterId).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Pdf, forged)
                .SetProperty(l => l.PdfSha256, LetterIssuer.Sha256(forged)));
        }

        var after = await verifier.VerifyAsync();

        Assert.False(after.Intact, after.Message);
        Assert.Contains($"letter {issued.Number}'s stored PDF is not the one issued", after.Message, StringComparison.Ordinal);
        Assert.Contains(issued.PdfSha256![..16], after.Message, StringComparison.Ordinal);
        Assert.Contains("its hash column was changed to match", after.Message, StringComparison.Ordinal);
    }
}
