using Microsoft.EntityFrameworkCore;
using PortalApp.AccessLogging;
using PortalApp.Cli;
using PortalApp.Common;
using PortalApp.Tests.Audit;

namespace PortalApp.Tests.AccessLogging;

/// <summary>
/// Issue 19, item 3: an attacker with the database file (triggers dropped) who cuts the log's tail or rewrites an entry
/// and recomputes every later hash is caught by the seals, which need a key the database does not hold.
/// </summary>
public sealed class AccessLogSealTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task CuttingTheLastEntriesAfterASealIsNamedWithTheSealAndWhereTheLogNowEnds(int cut)
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(10);
        await log.Sealer.SealAsync(SealReasons.Hourly);
        Assert.True((await log.Verifier.VerifyAsync()).Intact);
        await log.DropTriggersAsAttackerAsync();
        await log.ExecuteAsAttackerAsync($"DELETE FROM AccessLog WHERE Id > {10 - cut};");

        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Intact, result.Message);
        Assert.Equal(10 - cut + 1, result.FirstBrokenId);
        Assert.Contains($"the log ends at id {10 - cut}", result.Message, StringComparison.Ordinal);
        Assert.Contains("seal #1 (id 10, count 10)", result.Message, StringComparison.Ordinal);
        Assert.Contains("missing", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, await AuditVerb.RunAsync(log.Services, ["verify"]));
    }

    [Fact]
    public async Task CuttingTheTailAndLettingTheAppWriteOnIsNamedWhereTheChainLeavesTheSeal()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(10);
        await log.Sealer.SealAsync(SealReasons.Hourly);
        await log.DropTriggersAsAttackerAsync();
        await log.ExecuteAsAttackerAsync("DELETE FROM AccessLog WHERE Id > 8;");
        await log.AppendAsync(5);

        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Intact, result.Message);
        Assert.Equal(10, result.FirstBrokenId);
        Assert.Contains("seal #1", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewritingAnEntryAndRecomputingEveryLaterHashNamesThatEntry()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(3);
        await log.Sealer.SealAsync(SealReasons.Hourly);
        await log.AppendAsync(1);
        await log.Sealer.SealAsync(SealReasons.Decision);
        await log.AppendAsync(6);
        await log.Sealer.SealAsync(SealReasons.Hourly);
        await log.DropTriggersAsAttackerAsync();

        await RewriteAsync(log, 4, "nothing to see");

        var result = await log.Verifier.VerifyAsync();
        Assert.False(result.Intact, result.Message);
        Assert.Equal(4, result.FirstBrokenId);
        Assert.Contains("entry 4 differs from the sealed chain", result.Message, StringComparison.Ordinal);
        Assert.Contains("seal #2", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARewriteBetweenTwoSealsNamesTheRangeItLiesIn()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(3);
        await log.Sealer.SealAsync(SealReasons.Hourly);
        await log.AppendAsync(7);
        await log.Sealer.SealAsync(SealReasons.Hourly);
        await log.DropTriggersAsAttackerAsync();

        await RewriteAsync(log, 6, "nothing to see");

        var result = await log.Verifier.VerifyAsync();
        Assert.False(result.Intact, result.Message);
        Assert.Equal(10, result.FirstBrokenId);
        Assert.Contains("an entry from 4 to 10 was changed", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedSealRowIsNamedBecauseItsHmacFails()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(5);
        await log.Sealer.SealAsync(SealReasons.Hourly);
        await log.AppendAsync(3);
        // No trigger stops an insert; the attacker copies the genuine seal's shape but cannot compute its HMAC.
        await log.ExecuteAsAttackerAsync(
            "INSERT INTO AccessLogSeals (Number, AtUtc, HeadEntryId, HeadHash, EntryCount, Reason, Mac) " +
            "SELECT 2, AtUtc, 8, (SELECT Hash FROM AccessLog WHERE Id = 8), 8, 'hourly', Mac FROM AccessLogSeals WHERE Number = 1;");

        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Intact, result.Message);
        Assert.Contains("seal #2 is forged", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, await AuditVerb.RunAsync(log.Services, ["verify"]));
    }

    [Fact]
    public async Task ADeletedSealIsNamed()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await log.AppendAsync(2);
            await log.Sealer.SealAsync(SealReasons.Hourly);
        }
        await log.DropTriggersAsAttackerAsync();
        await log.ExecuteAsAttackerAsync("DELETE FROM AccessLogSeals WHERE Number = 2;");

        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Intact, result.Message);
        Assert.Contains("seal #2 is missing", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE AccessLogSeals SET HeadEntryId = 1;")]
    [InlineData("DELETE FROM AccessLogSeals;")]
    public async Task WhileTheTriggersStandTheDatabaseRefusesToChangeOrDeleteSeals(string sql)
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(3);
        await log.Sealer.SealAsync(SealReasons.Hourly);

        var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => log.ExecuteAsAttackerAsync(sql));

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        Assert.True((await log.Verifier.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task AnUntouchedSealedChainVerifiesAndSaysWhatIsNotYetSealed()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(4);
        Assert.NotNull(await log.Sealer.SealAsync(SealReasons.Hourly));
        Assert.Null(await log.Sealer.SealAsync(SealReasons.Hourly));
        await log.AppendAsync(2);

        var result = await log.Verifier.VerifyAsync();

        Assert.True(result.Intact, result.Message);
        Assert.Contains("1 seals hold (last #1 at entry 4; 2 later entries not yet sealed)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDailyHeadsAreTheLastSealOfEachCityDay()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        var day = DateOnly.FromDateTime(PortalApp.Common.PortalTime.ToCity(log.Time.GetUtcNow()).DateTime);
        await log.AppendAsync(2);
        await log.Sealer.SealAsync(SealReasons.Hourly);
        log.Time.Advance(TimeSpan.FromHours(1));
        await log.AppendAsync(2);
        await log.Sealer.SealAsync(SealReasons.Hourly);
        log.Time.Advance(TimeSpan.FromDays(1));
        await log.AppendAsync(1);
        await log.Sealer.SealAsync(SealReasons.Letter);

        var heads = await log.Sealer.DailyHeadsAsync(day, day.AddDays(1));

        Assert.Equal([(day, 2, 4L), (day.AddDays(1), 3, 5L)], heads.Select(h => (h.Day, h.Seal, h.HeadEntryId)));
    }

    /// <summary>What a careful attacker does: change an entry, then recompute its hash and every hash after it, as the portal would.</summary>
    private static async Task RewriteAsync(AuditLogDatabase log, long id, string target)
    {
        await using var db = await log.ContextAsync();
        var entries = await db.AccessLog.Where(e => e.Id >= id).OrderBy(e => e.Id).ToListAsync();
        var previous = await db.AccessLog.Where(e => e.Id == id - 1).Select(e => e.Hash).SingleAsync();
        entries[0].Target = target;
        foreach (var entry in entries)
        {
            entry.PreviousHash = previous;
            entry.Hash = previous = AccessLogHash.Compute(entry);
        }
        await db.SaveChangesAsync();
        var chainOnly = await log.Verifier.VerifyAsync();
        await using var check = await log.ContextAsync();
        Assert.Equal(target, await check.AccessLog.Where(e => e.Id == id).Select(e => e.Target).SingleAsync());
        Assert.DoesNotContain("was altered", chainOnly.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("does not follow", chainOnly.Message, StringComparison.Ordinal);
    }
}
