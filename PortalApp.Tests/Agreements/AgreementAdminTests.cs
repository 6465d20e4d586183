using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Agreements;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Terms;
using PortalApp.Tests.Ballots;

namespace PortalApp.Tests.Agreements;

[Collection(BallotCollection.Name)]
public sealed class AgreementAdminTests(BallotHost host)
{
    private async Task<T> AsAdminAsync<T>(Func<AgreementAdminService, Task<T>> action)
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        return await action(scope.ServiceProvider.GetRequiredService<AgreementAdminService>());
    }

    [Fact]
    public async Task AnAdminCreatesAnAgreementThatEveryReaderSeesWithItsSeatsAndTimeline()
    {
        var id = await host.NewAgreementAsync(expiryInDays: 365);

        await using var scope = await host.ScopeAsAsync("auditor@portal.local");
        var agreements = scope.ServiceProvider.GetRequiredService<AgreementService>();
        var detail = (await agreements.GetAsync(id))!;
        Assert.Contains(await agreements.ListAsync(), a => a.Id == id && a.Lifecycle.Phase == LifecyclePhase.Active);
        Assert.Equal(["City", "DistrictAttorney", "Courts"], detail.Seats.Select(s => s.Party.ToString()));
        Assert.Equal("Marcus Ortega (City, alternate)", detail.Seats[0].AlternateName);
        Assert.Equal(AgreementTimeline.Created, Assert.Single(detail.Timeline).Kind);
        Assert.Equal(0, Assert.Single(detail.Amendments).Number);
        await using var db = await host.CreateDbAsync();
        Assert.True(await db.AccessLog.AnyAsync(e => e.Action == AccessActions.AgreementChange && e.Target == $"agreement:{detail.Reference}"));
    }

    [Fact]
    public async Task CreatingRefusesADuplicateReferenceAndASeatGivenToAnotherPartysOfficial()
    {
        var form = (await AsAdminAsync(a => a.FormForAsync(1)))!;
        form.Primary[Party.Courts] = form.Primary[Party.City];

        var (result, id) = await AsAdminAsync(a => a.CreateAsync(form));

        Assert.Null(id);
        Assert.Contains("Another agreement already has the reference PARS-ICE-2008.", result.Message, StringComparison.Ordinal);
        Assert.Contains("Choose a primary official of the Courts for its seat.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingRefusesASecondAgreementInForceForOneAgencyAndOneWithoutAnAgency()
    {
        var form = (await AsAdminAsync(a => a.FormForAsync(1)))!;
        form.Reference = $"PARS-ICE-{Guid.NewGuid():N}"[..16].ToUpperInvariant();

        var (second, secondId) = await AsAdminAsync(a => a.CreateAsync(form));
        Assert.Null(secondId);
        Assert.Equal("The agency already has agreement PARS-ICE-2008 in force: end it, or save this one as a draft.", second.Message);

        form.AgencyId = null;
        var (none, noneId) = await AsAdminAsync(a => a.CreateAsync(form));
        Assert.Null(noneId);
        Assert.Equal("Choose the agency whose liaisons this agreement lets in.", none.Message);
    }

    [Fact]
    public async Task AnEditIsRecordedOnTheTimelineWithWhatChanged()
    {
        var id = await host.NewAgreementAsync(expiryInDays: 365);
        var form = (await AsAdminAsync(a => a.FormForAsync(id)))!;
        form.NoticePeriodDays = 60;

        var result = await AsAdminAsync(a => a.UpdateAsync(id, form));

        Assert.True(result.Succeeded, result.Message);
        await using var db = await host.CreateDbAsync();
        Assert.True(await db.AgreementEvents.AnyAsync(e => e.AgreementId == id && e.Kind == AgreementTimeline.Edited && e.Summary.Contains("notice period: 90 days → 60 days")));
    }

    [Fact]
    public async Task AnAmendmentRecordsWhatItChangedFromTheOneBeforeAndItsContentHash()
    {
        var id = await host.NewAgreementAsync(expiryInDays: 365);
        var form = (await AsAdminAsync(a => a.AmendmentFormForAsync(id)))!;
        form.Title = "Arrestees by name only";
        form.Summary = "The agency may see arrestees' names and charges.";
        form.VisibleRoles.Add(InvolvementRole.Arrestee);
        form.Fields[RecordFields.Name] = MaskingAction.Show;
        form.Fields[RecordFields.Charges] = MaskingAction.Show;

        var result = await AsAdminAsync(a => a.AddAmendmentAsync(id, form));

        Assert.True(result.Succeeded, result.Message);
        await using var scope = await host.ScopeAsAsync("solicitor@portal.local");
        var amendment = (await scope.ServiceProvider.GetRequiredService<AgreementService>().GetAsync(id))!.Amendments[^1];
        Assert.Equal(1, amendment.Number);
        Assert.Equal(["Arrestees now visible to the agency.", "Name: Redact → Show.", "Charges: Redact → Show."], amendment.Changes);
        Assert.Matches("^[0-9a-f]{64}$", amendment.ContentHash);
    }

    [Fact]
    public async Task TheDemo2009AmendmentShowsThatItShieldedVictimsAndWitnessesAndRemovedImmigrationStatus()
    {
        await using var scope = await host.ScopeAsAsync("clerk@portal.local");
        var demo = (await scope.ServiceProvider.GetRequiredService<AgreementService>().GetAsync(1))!;

        var changes = demo.Amendments.Single(m => m.Number == 1).Changes;
        Assert.Contains("Victims shielded: the agency no longer sees them.", changes);
        Assert.Contains("Witnesses shielded: the agency no longer sees them.", changes);
        Assert.Contains("Immigration status removed.", changes);
    }

    [Fact]
    public async Task OpeningABallotBindsItToTheLatestAmendmentAndIsLoggedAndOnTheTimeline()
    {
        var (agreementId, ballotId, _) = await host.NewBallotClosingAfterAsync(TimeSpan.FromDays(10));

        await using var db = await host.CreateDbAsync();
        var ballot = await db.Ballots.Include(b => b.Amendment).SingleAsync(b => b.Id == ballotId);
        Assert.Equal(ballot.Amendment!.ContentHash, ballot.AmendmentHash);
        Assert.Equal(AgreementStatus.UnderReview, (await db.Agreements.SingleAsync(a => a.Id == agreementId)).Status);
        Assert.True(await db.AccessLog.AnyAsync(e => e.Action == AccessActions.BallotOpen && e.Target == $"ballot:{ballotId}"));
        Assert.True(await db.AgreementEvents.AnyAsync(e => e.AgreementId == agreementId && e.Kind == AgreementTimeline.BallotOpened));
        Assert.True(await db.Notifications.AnyAsync(n => n.Link == $"/ballots/{ballotId}" && n.Text.Contains("a ballot opened")));
    }

    [Fact]
    public async Task OpeningRefusesAClosePastTheNoticeDeadlineAndASecondUndecidedBallot()
    {
        var (agreementId, _, _) = await host.NewBallotClosingAfterAsync(TimeSpan.FromDays(10));
        var form = (await AsAdminAsync(a => a.BallotFormForAsync(agreementId)))!;
        form.ClosesDate = form.ClosesDate!.Value.AddDays(2);

        var (result, ballotId) = await AsAdminAsync(a => a.OpenBallotAsync(agreementId, form));

        Assert.Null(ballotId);
        Assert.Contains("must close no later than the notice deadline", result.Message, StringComparison.Ordinal);
        Assert.Contains("already has a ballot that is not decided", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAnAdminManagesAgreementsAndTheLiaisonCannotReadThem()
    {
        await using var stakeholder = await host.ScopeAsAsync("city@portal.local");
        await Assert.ThrowsAsync<CapabilityDeniedException>(() =>
            stakeholder.ServiceProvider.GetRequiredService<AgreementAdminService>().CreateAsync(new AgreementForm()));
        await using var liaison = await host.ScopeAsAsync("liaison@portal.local");
        await Assert.ThrowsAsync<CapabilityDeniedException>(() => liaison.ServiceProvider.GetRequiredService<AgreementService>().ListAsync());
    }

    [Fact]
    public async Task TheDaysLeftCountFromTheCityDate()
    {
        var id = await host.NewAgreementAsync(expiryInDays: 200);
        await using var scope = await host.ScopeAsAsync("clerk@portal.local");
        var summary = (await scope.ServiceProvider.GetRequiredService<AgreementService>().ListAsync()).Single(a => a.Id == id);
        Assert.Equal(summary.NoticeDeadline.DayNumber - PortalTime.Today(host.Time).DayNumber, summary.DaysToNoticeDeadline);
        Assert.Equal(110, summary.DaysToNoticeDeadline);
        Assert.Equal(120, summary.ReminderStage);
    }
}
