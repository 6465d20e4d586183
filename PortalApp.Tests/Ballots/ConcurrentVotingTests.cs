using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Audit;
using PortalApp.Ballots;
using Xunit.Abstractions;
using PortalApp.AccessLogging;

namespace PortalApp.Tests.Ballots;

/// <summary>Many simultaneous votes from all three seats against the real SQLite file, round after round.</summary>
[Collection(BallotCollection.Name)]
public sealed class ConcurrentVotingTests(BallotHost host, ITestOutputHelper output)
{
    private static readonly (string Email, Party Seat)[] Voters =
    [
        ("city@portal.local", Party.City), ("city-alt@portal.local", Party.City),
        ("da@portal.local", Party.DistrictAttorney), ("courts@portal.local", Party.Courts),
    ];

    [Fact]
    public async Task ConcurrentVotesDecideExactlyOnceAndNoVoteIsDoubledOrLost()
    {
        const int rounds = 8;
        const int attemptsPerRound = 24;
        var decidedRounds = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            var (_, ballotId, _) = await host.NewBallotClosingAfterAsync(TimeSpan.FromDays(20));
            var random = new Random(round);
            var attempts = Enumerable.Range(0, attemptsPerRound).Select(i =>
            {
                var (email, seat) = Voters[random.Next(Voters.Length)];
                // Mostly Terminate, so most rounds race to the decision; some rounds never reach it.
                var choice = round % 4 == 3 ? VoteChoice.Renew : random.Next(3) == 0 ? VoteChoice.Renew : VoteChoice.Terminate;
                return (email, request: new VoteRequest(ballotId, seat, choice, $"round {round} attempt {i}"));
            }).ToList();
            var scopes = new List<AsyncServiceScope>();
            foreach (var a in attempts)
            {
                scopes.Add(await host.ScopeAsAsync(a.email));
            }
            var start = new TaskCompletionSource();
            var tasks = attempts.Select((a, i) => Task.Run(async () =>
            {
                await start.Task;
                return await scopes[i].ServiceProvider.GetRequiredService<BallotService>().CastVoteAsync(a.request);
            })).ToList();
            start.SetResult();
            var results = await Task.WhenAll(tasks);
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
            decidedRounds += await AssertConsistentAsync(ballotId, results) ? 1 : 0;
        }
        output.WriteLine($"{rounds} rounds x {attemptsPerRound} concurrent attempts in {watch.ElapsedMilliseconds} ms; {decidedRounds} rounds decided.");
        Assert.InRange(decidedRounds, 1, rounds - 1);

        await using var verifyScope = host.Services.CreateAsyncScope();
        var chain = await verifyScope.ServiceProvider.GetRequiredService<AccessLogVerifier>().VerifyAsync();
        Assert.True(chain.Intact, chain.Message);
    }

    /// <summary>Replays the stored votes in commit order through the decision rule; returns whether the ballot was decided.</summary>
    private async Task<bool> AssertConsistentAsync(int ballotId, VoteResult[] results)
    {
        await using var db = await host.CreateDbAsync();
        var votes = await db.Votes.AsNoTracking().Where(v => v.BallotId == ballotId).OrderBy(v => v.Id).ToListAsync();
        var decisions = await db.BallotDecisions.AsNoTracking().Where(d => d.BallotId == ballotId).ToListAsync();
        var accepted = results.Where(r => r.Succeeded).Select(r => r.Receipt!.Hash).ToList();

        // Never lost, never doubled: exactly the accepted votes are stored, each once.
        Assert.Equal(accepted.Order(StringComparer.Ordinal), votes.Select(v => v.ReceiptHash).Order(StringComparer.Ordinal));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(
            r.Message.StartsWith("This ballot was decided", StringComparison.Ordinal) || r.Message.Contains("nothing changed", StringComparison.Ordinal), r.Message));

        // One current vote per seat, and it is the seat's latest.
        foreach (var seat in votes.GroupBy(v => v.Party))
        {
            Assert.Equal(seat.Last().Id, Assert.Single(seat, v => v.IsCurrent).Id);
        }

        // The decision happened exactly at the first vote that met the threshold, and nothing was accepted after it.
        var current = new Dictionary<Party, VoteChoice>();
        long? decidingVote = null;
        foreach (var vote in votes)
        {
            current[vote.Party] = vote.Choice;
            if (DecisionRule.Decide(DecisionRule.Count(current.Values, 3, 2), closed: false, DecisionOutcome.Renew) is not null)
            {
                decidingVote = vote.Id;
                break;
            }
        }
        Assert.True(decisions.Count <= 1);
        Assert.Equal(decidingVote, decisions.SingleOrDefault()?.DecidingVoteId);
        if (decidingVote is { } id)
        {
            Assert.Equal(id, votes[^1].Id);
            Assert.Equal(DecisionOutcome.Terminate, decisions[0].Outcome);
        }
        Assert.Equal(accepted.Count, await db.AccessLog.CountAsync(e => e.Action == AccessActions.Vote && e.Outcome == AccessOutcomes.Success && e.Target == $"ballot:{ballotId}"));
        Assert.Equal(decisions.Count, await db.AccessLog.CountAsync(e => e.Action == AccessActions.Decision && e.Target == $"ballot:{ballotId}"));
        return decisions.Count == 1;
    }
}
