using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Letters;

[Collection(AppCollection.Name)]
public sealed class LetterNumberingTests(PortalHost host)
{
    [Fact]
    public async Task LettersIssuedAtTheSameTimeGetUniqueSequentialNumbersWithoutGaps()
    {
        const int count = 8;
        var drafts = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var (_, ballotId) = await LetterScenario.DecidedAgreementAsync(host);
            drafts.Add(await LetterScenario.DraftAsync(host, ballotId));
        }

        using var start = new Barrier(count);
        var results = await Task.WhenAll(drafts.Select(id => Task.Run(async () =>
        {
            await using var scope = await host.ScopeAsAsync(LetterScenario.Solicitor);
            var issuer = scope.ServiceProvider.GetRequiredService<LetterIssuer>();
            start.SignalAndWait();
            return await issuer.IssueAsync(id);
        })));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        await using var db = await LetterScenario.Db(host);
        var ours = await db.Letters.AsNoTracking().Where(l => drafts.Contains(l.Id)).ToListAsync();
        Assert.All(ours, l => Assert.Equal(LetterStatus.Issued, l.Status));
        Assert.Equal(count, ours.Select(l => l.Number).Distinct().Count());
        Assert.All(ours, l => Assert.Equal(LetterNumbering.Format(l.Year!.Value, l.Sequence!.Value), l.Number));

        // The whole year's sequence, including letters other tests issued, runs 1..N without a hole.
        var year = ours[0].Year;
        var sequences = await db.Letters.AsNoTracking().Where(l => l.Year == year).Select(l => l.Sequence!.Value).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
    }

    [Fact]
    public void NumbersReadAsSolYearAndFourDigits() =>
        Assert.Equal("SOL-2026-0007", LetterNumbering.Format(2026, 7));
}
