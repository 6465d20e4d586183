using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PortalApp.AccessLogging;
using PortalApp.Audit;

namespace PortalApp.Tests.Audit;

public sealed class AccessLogRetentionTests
{
    [Fact]
    public async Task EntriesOlderThanTheRetentionPeriodAreRemovedAndTheChainStillVerifies()
    {
        await using var log = await AuditLogDatabase.CreateAsync(retentionDays: 365);
        await log.AppendAsync(5);
        log.Time.Advance(TimeSpan.FromDays(400));
        await log.AppendAsync(2);

        var removed = await log.Services.GetRequiredService<AccessLogRetention>().PruneAsync();

        Assert.Equal(5, removed);
        var result = await log.Verifier.VerifyAsync();
        Assert.True(result.Intact, result.Message);
        Assert.Equal(3, result.EntriesChecked);
        await using var db = await log.ContextAsync();
        var checkpoint = await db.AccessLog.OrderBy(e => e.Id).LastAsync();
        Assert.Equal(AccessActions.Retention, checkpoint.Action);
        Assert.Equal(6, await db.AccessLog.MinAsync(e => e.Id));
        Assert.Equal(0, await log.Services.GetRequiredService<AccessLogRetention>().PruneAsync());
    }

    [Fact]
    public async Task EntriesWithinTheRetentionPeriodAreKept()
    {
        await using var log = await AuditLogDatabase.CreateAsync(retentionDays: 365);
        await log.AppendAsync(3);
        log.Time.Advance(TimeSpan.FromDays(364));

        Assert.Equal(0, await log.Services.GetRequiredService<AccessLogRetention>().PruneAsync());
        Assert.Equal(3, (await log.Verifier.VerifyAsync()).EntriesChecked);
    }

    [Fact]
    public async Task AForgedAnchorThatHidesADeletionIsDetected()
    {
        await using var log = await AuditLogDatabase.CreateAsync();
        await log.AppendAsync(8);
        await log.DropTriggersAsAttackerAsync();
        await log.ExecuteAsAttackerAsync("""
            INSERT INTO AccessLogAnchors (AtUtc, ThroughEntryId, ThroughEntryHash, CheckpointEntryId)
            SELECT AtUtc, Id, Hash, 8 FROM AccessLog WHERE Id = 4;
            DELETE FROM AccessLog WHERE Id <= 4;
            """);

        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(8, result.FirstBrokenId);
        Assert.Contains("anchor", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(364, false)]
    [InlineData(365, true)]
    [InlineData(2555, true)]
    public void ARetentionShorterThanAYearIsRefused(int days, bool accepted)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:AuditRetentionDays"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddAudit(configuration).BuildServiceProvider();

        var read = () => services.GetRequiredService<IOptions<AuditOptions>>().Value;

        if (accepted)
        {
            Assert.Equal(days, read().AuditRetentionDays);
        }
        else
        {
            var refused = Assert.Throws<OptionsValidationException>(read);
            Assert.Contains("at least 365", refused.Message, StringComparison.Ordinal);
        }
    }
}
