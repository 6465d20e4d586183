using PortalApp.AccessLogging;
using PortalApp.Cli;

namespace PortalApp.Tests.Audit;

public sealed class AccessLogTamperTests
{
    [Fact]
    public async Task AnUntouchedChainVerifiesAndTheCliExitsZero()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(10);

        var result = await log.Verifier.VerifyAsync();

        Assert.True(result.Intact, result.Message);
        Assert.Equal(10, result.EntriesChecked);
        Assert.Equal(10, result.HeadId);
        Assert.Equal(0, await AuditVerb.RunAsync(log.Services, ["verify"]));
    }

    [Fact]
    public async Task ChangingOneFieldInTheFileNamesThatEntry()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(10);
        await log.DropTriggersAsAttackerAsync();
        await log.ExecuteAsAttackerAsync("UPDATE AccessLog SET Target = 'nothing to see' WHERE Id = 4;");

        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBrokenId);
        Assert.Contains("entry 4 was altered", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, await AuditVerb.RunAsync(log.Services, ["verify"]));
    }

    [Fact]
    public async Task ChangingAFieldAndRecomputingItsHashNamesTheEntryThatNoLongerFollows()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(10);
        await log.DropTriggersAsAttackerAsync();
        // A careful attacker rewrites the row's own hash too; the next entry still points at the old one.
        await log.ExecuteAsAttackerAsync("UPDATE AccessLog SET Hash = 'f00d' || substr(Hash, 5) WHERE Id = 4;");

        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBrokenId);
    }

    [Fact]
    public async Task DeletingOneEntryNamesTheMissingEntry()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(10);
        await log.DropTriggersAsAttackerAsync();
        await log.ExecuteAsAttackerAsync("DELETE FROM AccessLog WHERE Id = 6;");

        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(6, result.FirstBrokenId);
        Assert.Contains("entry 6 is missing", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwappingTwoEntriesNamesTheFirstOfThem()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(10);
        await log.DropTriggersAsAttackerAsync();
        // Swap the rows' positions: each keeps its content (and hash) but takes the other's id.
        await log.ExecuteAsAttackerAsync("""
            UPDATE AccessLog SET Id = -3 WHERE Id = 3;
            UPDATE AccessLog SET Id = 3 WHERE Id = 7;
            UPDATE AccessLog SET Id = 7 WHERE Id = -3;
            """);

        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenId);
    }

    [Fact]
    public async Task AnEntryInsertedOutOfPlaceIsNamed()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(5);
        await log.DropTriggersAsAttackerAsync();
        await log.ExecuteAsAttackerAsync("INSERT INTO AccessLog (Id, AtUtc, Action, Outcome, Flagged, Source, PreviousHash, Hash) SELECT 0, AtUtc, 'sign-in', 'success', false, 'web', PreviousHash, Hash FROM AccessLog WHERE Id = 1;");

        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(0, result.FirstBrokenId);
        Assert.Contains("inserted out of place", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE AccessLog SET Target = 'x' WHERE Id = 2;")]
    [InlineData("DELETE FROM AccessLog WHERE Id = 2;")]
    [InlineData("DELETE FROM AccessLog;")]
    public async Task WhileTheTriggersStandTheDatabaseRefusesToChangeOrDeleteEntries(string sql)
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(3);

        var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => log.ExecuteAsAttackerAsync(sql));

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        Assert.True((await log.Verifier.VerifyAsync()).Intact);
    }
}
