using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using PortalApp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.AccessLogging;
using PortalApp.Tests.Audit;

namespace PortalApp.Tests.AccessLogging;

public sealed class AccessLogFailureTests
{
    private static readonly string BreakTheLog = TestSql.BreakTheLog(TestDatabase.ProviderUnderTest);

    [Fact]
    public async Task WhenTheLogCannotBeWrittenTheAppendFailsAndHealthRecordsIt()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.ExecuteAsAttackerAsync(BreakTheLog);

        await Assert.ThrowsAsync<AccessLogUnavailableException>(() => log.Writer.AppendAsync(AuditLogDatabase.NewEntry(AccessActions.Search, "x")));

        var health = log.Services.GetRequiredService<AccessLogHealth>();
        Assert.NotNull(health.LastFailureUtc);
        Assert.Contains("disk full", health.LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeMadeAlongsideALogEntryIsNotStoredWhenTheLogFails()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(1);
        await log.ExecuteAsAttackerAsync(BreakTheLog);

        await Assert.ThrowsAsync<AccessLogUnavailableException>(() => log.Writer.AppendAsync(
            AuditLogDatabase.NewEntry(AccessActions.FlagReview, "entry 1"),
            (db, _, _) =>
            {
                db.FlagReviews.Add(new FlagReview { AccessLogEntryId = 1, ReviewedBy = "auditor", Comment = "checked" });
                return Task.CompletedTask;
            }));

        await using var context = await log.ContextAsync();
        Assert.Equal(0, await context.FlagReviews.CountAsync());
    }

    [Fact]
    public async Task WhenTheChangeFailsItsLogEntryIsRolledBackToo()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => log.Writer.AppendAsync(
            AuditLogDatabase.NewEntry(AccessActions.FlagReview, "entry 1"),
            (_, _, _) => throw new InvalidOperationException("rule broken")));

        Assert.Equal(1, (await log.Verifier.VerifyAsync()).EntriesChecked);
        Assert.Null(log.Services.GetRequiredService<AccessLogHealth>().LastFailureUtc);
    }
}
