using Microsoft.EntityFrameworkCore;
using PortalApp.Common;
using PortalApp.Seeding;
using PortalApp.Terms;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Letters;

namespace PortalApp.Tests.Ballots;

[Collection(AppCollection.Name)]
public sealed class DemoBallotTimelineTests(PortalHost host)
{
    [Fact]
    public async Task TheDemoBallotOpensAtTheInstantItsTimelineSaysItOpened()
    {
        await using var db = await LetterScenario.Db(host);
        var ballot = await db.Ballots.AsNoTracking().Where(b => b.Agreement!.Reference == DemoAgreement.Reference).OrderBy(b => b.Id).FirstAsync();
        var opened = await db.AgreementEvents.AsNoTracking()
            .Where(e => e.AgreementId == ballot.AgreementId && e.Kind == AgreementTimeline.BallotOpened).OrderBy(e => e.Id).FirstAsync();

        Assert.Equal(ballot.OpensUtc, opened.AtUtc);
        Assert.Contains($"votes from {PortalTime.Format(ballot.OpensUtc)} to {PortalTime.Format(ballot.ClosesUtc)}", opened.Summary, StringComparison.Ordinal);
    }
}
