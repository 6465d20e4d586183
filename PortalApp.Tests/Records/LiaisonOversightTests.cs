using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Records;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Records;

/// <summary>Its own portal with a low volume limit and a clock it moves.</summary>
public sealed class LiaisonOversightTests(LiaisonOversightTests.Host host) : IClassFixture<LiaisonOversightTests.Host>
{
    public sealed class Host : PortalHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:LiaisonMaxPeoplePerHour", "2");
        }
    }

    [Fact]
    public async Task ViewingMorePeopleThanTheLimitOrOutsideHoursIsFlagged()
    {
        // Move the clock to 10:00 in the city, inside agency hours.
        var now = PortalTime.ToCity(host.Time.GetUtcNow());
        var tenAm = PortalTime.FromCity(DateOnly.FromDateTime(now.DateTime).AddDays(1), new TimeOnly(10, 0));
        host.Time.Advance(tenAm - host.Time.GetUtcNow());

        await using var scope = await host.ScopeAsAsync("liaison@portal.local");
        await RecordTestData.StatePurposeAsync(scope);
        var records = scope.ServiceProvider.GetRequiredService<RecordSearchService>();
        await using var db = await RecordTestData.DbAsync(host);
        var people = await db.Involvements.Where(i => i.Role == InvolvementRole.Arrestee).Select(i => i.PersonId).Distinct().Take(3).ToListAsync();

        await records.ViewAsync(people[0]);
        await records.ViewAsync(people[1]);
        await records.ViewAsync(people[0]);
        Assert.False((await RecordTestData.LastLogAsync(host)).Flagged);
        await records.ViewAsync(people[2]);
        var flagged = await RecordTestData.LastLogAsync(host);
        Assert.True(flagged.Flagged);
        Assert.Contains("3 distinct people viewed or exported in an hour (limit 2)", flagged.FlagReason, StringComparison.Ordinal);

        host.Time.Advance(TimeSpan.FromHours(12));
        await records.StatePurposeAsync(StatedPurpose.ReasonCodes[1], "2026-CR-0099");
        await records.SearchAsync(new RecordQuery());
        var lateNight = await RecordTestData.LastLogAsync(host);
        Assert.True(lateNight.Flagged);
        Assert.Contains("outside agency hours", lateNight.FlagReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgreementsOwnVolumeLimitsGovernItsLiaisonsInsteadOfTheSetting()
    {
        var now = PortalTime.ToCity(host.Time.GetUtcNow());
        var tenAm = PortalTime.FromCity(DateOnly.FromDateTime(now.DateTime).AddDays(1), new TimeOnly(10, 0));
        host.Time.Advance(tenAm - host.Time.GetUtcNow());

        // The FBI agreement sets 10 people an hour; this portal's setting is 2.
        await using var scope = await host.ScopeAsAsync("fbi-liaison@portal.local");
        await RecordTestData.StatePurposeAsync(scope);
        var records = scope.ServiceProvider.GetRequiredService<RecordSearchService>();
        await using var db = await RecordTestData.DbAsync(host);
        var people = await db.Involvements.Where(i => i.Role == InvolvementRole.Arrestee).Select(i => i.PersonId).Distinct().Take(11).ToListAsync();

        foreach (var person in people.Take(10))
        {
            await records.ViewAsync(person);
            Assert.False((await RecordTestData.LastLogAsync(host)).Flagged);
        }
        await records.ViewAsync(people[10]);
        var flagged = await RecordTestData.LastLogAsync(host);
        Assert.True(flagged.Flagged);
        Assert.Contains("11 distinct people viewed or exported in an hour (limit 10)", flagged.FlagReason, StringComparison.Ordinal);
    }
}
