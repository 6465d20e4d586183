using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using PortalApp.AccessLogging;
using PortalApp.Tests.Audit;

namespace PortalApp.Tests.AccessLogging;

public sealed class AccessLogConcurrencyTests
{
    [Fact]
    public async Task AThousandConcurrentAppendsFromManyTasksLeaveAChainThatVerifies()
    {
        await using var log = await AuditLogDatabase.CreateAsync();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(task => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await log.Writer.AppendAsync(AuditLogDatabase.NewEntry(AccessActions.RecordView, $"task {task} entry {i}"));
            }
        })));

        var result = await log.Verifier.VerifyAsync();
        Assert.True(result.Intact, result.Message);
        Assert.Equal(1000, result.EntriesChecked);
        await using var db = await log.ContextAsync();
        Assert.Equal(1000, await db.AccessLog.Select(e => e.Target).Distinct().CountAsync());
    }

    [Fact]
    public async Task TwoWritersOnOneFileLikeTwoProcessesStillChainEveryEntry()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        // A second writer has its own in-process lock: only SQLite's write lock (BEGIN IMMEDIATE) orders the two.
        var other = new AccessLogWriter(log.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), new AccessLogHealth(log.Time), log.Time, NullLogger<AccessLogWriter>.Instance);

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 150; i++) { await log.Writer.AppendAsync(AuditLogDatabase.NewEntry(AccessActions.Search, $"a {i}")); } }),
            Task.Run(async () => { for (var i = 0; i < 150; i++) { await other.AppendAsync(AuditLogDatabase.NewEntry(AccessActions.Search, $"b {i}")); } }));

        var result = await log.Verifier.VerifyAsync();
        Assert.True(result.Intact, result.Message);
        Assert.Equal(300, result.EntriesChecked);
    }

    [Fact]
    public async Task EntriesAreStampedInUtcToTheHundredthOfASecond()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        log.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 15, 4, 5, TimeSpan.Zero).AddTicks(6_789_123));

        var entry = await log.Writer.AppendAsync(AuditLogDatabase.NewEntry(AccessActions.Search, "precise"));

        await using var db = await log.ContextAsync();
        var stored = await db.AccessLog.SingleAsync(e => e.Id == entry.Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 4, 5, 670, TimeSpan.Zero), stored.AtUtc);
        Assert.Equal(TimeSpan.Zero, stored.AtUtc.Offset);
    }
}
