using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Ballots;
using PortalApp.Common;
using PortalApp.Live;
using PortalApp.Notifications;
using PortalApp.Terms;

namespace PortalApp.Agreements;

public sealed partial class AgreementAdminService
{
    /// <summary>
    /// The seats an adoption needs: a majority of all seats (2 of 3), fixed so that one Admin cannot lower it and let
    /// a single official open the records further.
    /// </summary>
    public static int AdoptionThreshold(int seats) => seats / 2 + 1;

    /// <summary>Defaults for an amendment's adoption ballot: open now, close at 5 PM two weeks later (city time).</summary>
    public async Task<AdoptionBallotForm?> AdoptionBallotFormForAsync(int agreementId, int amendmentId, CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ManageAgreements, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Seats).Include(a => a.Amendments).FirstOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement?.Amendments.FirstOrDefault(m => m.Id == amendmentId) is not { } amendment)
        {
            return null;
        }
        var adoptedOn = await AmendmentAdoptions.LoadAsync(db, agreementId, ct);
        var state = ScheduleInForce.States(agreement.Amendments, PortalTime.Today(time), adoptedOn).Single(s => s.Amendment.Id == amendmentId);
        var now = PortalTime.ToCity(time.GetUtcNow());
        return new AdoptionBallotForm
        {
            Question = BallotQuestion.Adoption(amendment.Number, amendment.Title),
            Reveals = state.Reveals,
            Seats = agreement.Seats.Count,
            Threshold = AdoptionThreshold(agreement.Seats.Count),
            OpensDate = now.Date,
            OpensTime = new TimeSpan(now.Hour, now.Minute, 0),
            ClosesDate = now.Date.AddDays(14),
            ClosesTime = new TimeSpan(17, 0, 0),
        };
    }

    /// <summary>Opens the ballot on which the signatory parties adopt, or not, an amendment awaiting adoption; one open ballot per amendment.</summary>
    public async Task<(OperationResult Result, int? BallotId)> OpenAdoptionBallotAsync(int agreementId, int amendmentId, AdoptionBallotForm form, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ManageAgreements, ct: ct);
        if (form.OpensDate is null || form.OpensTime is null || form.ClosesDate is null || form.ClosesTime is null)
        {
            return (OperationResult.Fail("Give the opening and closing dates and times."), null);
        }
        var (opens, opensError) = BallotSchedule.CityInstant(DateOnly.FromDateTime(form.OpensDate.Value), TimeOnly.FromTimeSpan(form.OpensTime.Value), "opening");
        var (closes, closesError) = BallotSchedule.CityInstant(DateOnly.FromDateTime(form.ClosesDate.Value), TimeOnly.FromTimeSpan(form.ClosesTime.Value), "closing");
        if ((opensError ?? closesError) is { } timeError)
        {
            return (OperationResult.Fail(timeError), null);
        }
        return await WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await ChainTransaction.BeginAsync(db, ct);
            var agreement = await db.Agreements.Include(a => a.Seats).Include(a => a.Amendments).FirstOrDefaultAsync(a => a.Id == agreementId, ct);
            var amendment = agreement?.Amendments.FirstOrDefault(m => m.Id == amendmentId);
            if (agreement is null || amendment is null)
            {
                return (OperationResult.Fail($"Agreement {agreementId} has no such amendment."), (int?)null);
            }
            var now = time.GetUtcNow();
            var state = ScheduleInForce.States(agreement.Amendments, PortalTime.CityDate(now), await AmendmentAdoptions.LoadAsync(db, agreementId, ct))
                .Single(s => s.Amendment.Id == amendmentId);
            var open = await db.Ballots.Where(b => b.AmendmentId == amendmentId && b.Kind == BallotKind.AmendmentAdoption && b.Decision == null)
                .Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
            var errors = AdoptionProblems(agreement, amendment, state, open, opens!.Value, closes!.Value, now);
            if (errors.Count > 0)
            {
                return (OperationResult.Fail(string.Join(" ", errors)), null);
            }
            var ballot = new Ballot
            {
                AgreementId = agreementId,
                AmendmentId = amendment.Id,
                AmendmentHash = amendment.ContentHash,
                Kind = BallotKind.AmendmentAdoption,
                Term = BallotQuestion.Adoption(amendment.Number, amendment.Title),
                OpensUtc = opens.Value,
                ClosesUtc = closes.Value,
                TerminationThreshold = AdoptionThreshold(agreement.Seats.Count),
                Status = BallotStatus.Open,
            };
            db.Ballots.Add(ballot);
            AgreementTimeline.Add(db, agreementId, now, AgreementTimeline.BallotOpened,
                $"Ballot opened on adopting amendment {amendment.Number} ({amendment.Title}): votes from {PortalTime.Format(ballot.OpensUtc)} to {PortalTime.Format(ballot.ClosesUtc)}; {ballot.TerminationThreshold} of {agreement.Seats.Count} seats needed to adopt. It would show the agency more: {string.Join(" ", state.Reveals)}",
                user.Identity?.Name);
            await db.SaveChangesAsync(ct);
            Notices.Post(db, now, $"{agreement.Reference}: a ballot opened ({ballot.Term}); it closes {PortalTime.Format(ballot.ClosesUtc)}.", $"/ballots/{ballot.Id}");
            await db.SaveChangesAsync(ct);
            await accessLog.AppendWithinAsync(db, new AccessEvent(AccessActions.BallotOpen)
            {
                Actor = user,
                Target = $"ballot:{ballot.Id}",
                Filters = $"agreement={agreement.Reference}; kind=adoption; opens={VoteReceipts.FormatUtc(ballot.OpensUtc)}; closes={VoteReceipts.FormatUtc(ballot.ClosesUtc)}; threshold={ballot.TerminationThreshold}; amendment={amendment.Number}; hash={amendment.ContentHash}",
            }, ct);
            await tx.CommitAsync(ct);
            notifier.Publish(new BallotChange(BallotChangeKind.Opened, agreementId, ballot.Id));
            return (OperationResult.Ok($"Ballot opened on adopting amendment {amendment.Number}; it closes {PortalTime.Format(ballot.ClosesUtc)}."), (int?)ballot.Id);
        }, ct: ct);
    }

    private static List<string> AdoptionProblems(Agreement agreement, Amendment amendment, AmendmentState state, int? openBallotId,
        DateTimeOffset opensUtc, DateTimeOffset closesUtc, DateTimeOffset nowUtc)
    {
        var errors = new List<string>();
        if (state.Standing != AmendmentStanding.AwaitingAdoption)
        {
            errors.Add($"Amendment {amendment.Number} does not await adoption: only an amendment that shows the agency more than the schedule it follows is put to the parties.");
        }
        if (openBallotId is { } id)
        {
            errors.Add($"Amendment {amendment.Number} already has an open adoption ballot (ballot {id}); wait for its decision.");
        }
        if (closesUtc <= opensUtc)
        {
            errors.Add("The ballot must close after it opens.");
        }
        if (closesUtc <= nowUtc)
        {
            errors.Add("The closing time has already passed.");
        }
        if (agreement.Seats.Count == 0)
        {
            errors.Add("The agreement has no seats, so no one could vote.");
        }
        if (!AgreementTerms.IsInForce(agreement, nowUtc))
        {
            errors.Add("The agreement is not in force; there is no schedule left to amend.");
        }
        return errors;
    }
}
