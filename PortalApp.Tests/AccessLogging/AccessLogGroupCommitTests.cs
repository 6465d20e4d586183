using Microsoft.EntityFrameworkCore;
using PortalApp.AccessLogging;
using PortalApp.Tests.Audit;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.AccessLogging;

public sealed class AccessLogGroupCommitTests
{
    [Fact]
    public async Task ConcurrentAppendsShareCommitsYetEachCallerGetsItsOwnStoredEntry()
    {
        await using var log = await AuditLogDatabase.CreateAsync();

        var entries = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => log.Writer.AppendAsync(AuditLogDatabase.NewEntry(AccessActions.Search, $"caller {i}")))));

        Assert.Equal(200, entries.Select(e => e.Id).Distinct().Count());
        await using var db = await log.ContextAsync();
        foreach (var entry in entries)
        {
            var stored = await db.AccessLog.AsNoTracking().SingleAsync(e => e.Id == entry.Id);
            Assert.Equal(entry.Target, stored.Target);
            Assert.Equal(entry.Hash, stored.Hash);
        }
        Assert.True((await log.Verifier.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task AnEntryTheDatabaseRefusesFailsOnlyItsOwnCallerAndTheChainStaysWhole()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.ExecuteAsAttackerAsync(TestSql.RefuseLogTarget(log.Provider, "refused"));

        var appends = Enumerable.Range(0, 40)
            .Select(i => Task.Run(() => log.Writer.AppendAsync(AuditLogDatabase.NewEntry(AccessActions.Search, i == 20 ? "refused" : $"caller {i}"))))
            .ToList();
        var outcomes = await Task.WhenAll(appends.Select(async t =>
        {
            try
            {
                await t;
                return true;
            }
            catch (AccessLogUnavailableException)
            {
                return false;
            }
        }));

        Assert.Equal(39, outcomes.Count(stored => stored));
        var result = await log.Verifier.VerifyAsync();
        Assert.True(result.Intact, result.Message);
        Assert.Equal(39, result.EntriesChecked);
        await using var db = await log.ContextAsync();
        Assert.False(await db.AccessLog.AnyAsync(e => e.Target == "refused"));
    }
}
