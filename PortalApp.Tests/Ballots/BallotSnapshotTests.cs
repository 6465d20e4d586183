using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Ballots;
using PortalApp.Live;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Ballots;

[Collection(AppCollection.Name)]
public sealed class BallotSnapshotTests(PortalHost host)
{
    [Fact]
    public async Task WatchersOfOneChangeShareOneLoadAndALaterChangeLoadsAfresh()
    {
        var snapshots = host.Services.GetRequiredService<BallotSnapshots>();
        var change = new BallotChange(BallotChangeKind.VoteCast, 1, 1);

        var first = snapshots.AfterAsync(change);
        var second = snapshots.AfterAsync(change);
        var later = snapshots.AfterAsync(change with { });

        Assert.Same(first, second);
        Assert.NotSame(first, later);
        Assert.NotNull(await first);
    }

    [Fact]
    public async Task TheSharedBallotStillGivesEachReaderOnlyTheirOwnSeat()
    {
        var change = new BallotChange(BallotChangeKind.VoteCast, 1, 1);
        var seats = new Dictionary<string, VoterSeat?>();
        foreach (var email in new[] { "city@portal.local", "da@portal.local", "clerk@portal.local", "auditor@portal.local" })
        {
            await using var scope = await host.ScopeAsAsync(email);
            seats[email] = (await scope.ServiceProvider.GetRequiredService<BallotService>().GetAfterAsync(change))!.MySeat;
        }

        Assert.Equal(Party.City, seats["city@portal.local"]?.Party);
        Assert.Equal(Party.DistrictAttorney, seats["da@portal.local"]?.Party);
        Assert.Null(seats["clerk@portal.local"]);
        Assert.Null(seats["auditor@portal.local"]);
    }

    [Fact]
    public async Task AReaderWithoutTheCapabilityGetsNothingFromASharedLoad()
    {
        await using var scope = await host.ScopeAsAsync("liaison@portal.local");
        await Assert.ThrowsAsync<PortalApp.Authorization.CapabilityDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<BallotService>().GetAfterAsync(new BallotChange(BallotChangeKind.VoteCast, 1, 1)));
    }
}
