using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Ballots;
using PortalApp.Records;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Records;

namespace PortalApp.Tests.Masking;

/// <summary>
/// The liaison's access is read from memory while the agreement is unchanged; these prove a change is seen on the
/// very next read, without waiting and without moving the clock. Its own portal, because it ends the agreement.
/// </summary>
public sealed class ReferenceDataCacheTests(ReferenceDataCacheTests.Host host) : IClassFixture<ReferenceDataCacheTests.Host>
{
    public sealed class Host : PortalHost;

    [Fact]
    public async Task SavingOtherDataLeavesTheCopyAloneWhileAnAgreementChangeCountsAgainWhenItsTransactionCommits()
    {
        var writes = host.Services.GetRequiredService<ReferenceDataWrites>();
        await using var db = await RecordTestData.DbAsync(host);

        var before = writes.Generation;
        PortalApp.Notifications.Notices.Post(db, host.Time.GetUtcNow(), "A notice, not reference data.", null);
        await db.SaveChangesAsync();
        Assert.Equal(before, writes.Generation);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var agreement = await db.Agreements.SingleAsync(a => a.Reference == DemoAgreement.Reference);
        agreement.Title += " ";
        await db.SaveChangesAsync();
        var saved = writes.Generation;
        Assert.True(saved > before);
        await transaction.CommitAsync();
        Assert.True(writes.Generation > saved, "the commit must count again: a copy read before it is stale");
    }

    [Fact]
    public async Task TheHourlyReminderRunLeavesTheCopyAlone()
    {
        var writes = host.Services.GetRequiredService<ReferenceDataWrites>();
        await using var scope = host.Services.CreateAsyncScope();
        var closing = scope.ServiceProvider.GetRequiredService<BallotClosing>();

        var before = writes.Generation;
        await closing.PostDeadlineRemindersAsync();
        Assert.Equal(before, writes.Generation);
    }

    [Fact]
    public async Task TheLiaisonIsRefusedOnTheNextSearchOnceAnEndedAgreementCommits()
    {
        await using var scope = await host.ScopeAsAsync("liaison@portal.local");
        await RecordTestData.StatePurposeAsync(scope);
        var records = scope.ServiceProvider.GetRequiredService<RecordSearchService>();
        Assert.NotEmpty((await records.SearchAsync(new RecordQuery())).Rows);
        Assert.NotEmpty((await records.SearchAsync(new RecordQuery())).Rows);

        await using (var db = await RecordTestData.DbAsync(host))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var agreement = await db.Agreements.SingleAsync(a => a.Reference == DemoAgreement.Reference);
            agreement.Status = AgreementStatus.Terminated;
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var search = await records.SearchAsync(new RecordQuery());
        Assert.Empty(search.Rows);
        Assert.Contains("not in force", search.Refusal, StringComparison.Ordinal);
    }
}
