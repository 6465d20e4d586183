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
    /// <summary>A new amendment's form, starting from the schedule it follows so the admin edits only what changes.</summary>
    public async Task<AmendmentForm?> AmendmentFormForAsync(int agreementId, CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ManageAgreements, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var amendments = await db.Amendments.AsNoTracking().Where(m => m.AgreementId == agreementId).ToListAsync(ct);
        if (ScheduleInForce.Followed(amendments, await AmendmentAdoptions.LoadAsync(db, agreementId, ct)) is not { } latest)
        {
            return null;
        }
        return new AmendmentForm
        {
            EffectiveDate = PortalTime.Today(time).ToDateTime(TimeOnly.MinValue),
            VisibleRoles = [.. latest.Schedule.VisibleRoles],
            Fields = RecordFields.All.ToDictionary(f => f, f => latest.Schedule.Fields.GetValueOrDefault(f, MaskingAction.Redact)),
            IncludesImmigrationStatus = latest.Schedule.IncludesImmigrationStatus,
            Follows = latest.Schedule,
        };
    }

    public async Task<OperationResult> AddAmendmentAsync(int agreementId, AmendmentForm form, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ManageAgreements, ct: ct);
        if (InputRules.First(
                InputRules.Problem(form.Title, "The amendment's title", 300),
                InputRules.Problem(form.Summary, "The summary of what it changes", 2000, multiline: true),
                form.EffectiveDate is null ? "The effective date is required." : null) is { } problem)
        {
            return OperationResult.Fail(problem);
        }
        if (form.Fields.Keys.Any(f => !RecordFields.All.Contains(f)) || !form.VisibleRoles.All(Enum.IsDefined) || !form.Fields.Values.All(Enum.IsDefined))
        {
            return OperationResult.Fail("The data schedule names an unknown field, role or masking action.");
        }
        return await WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await ChainTransaction.BeginAsync(db, ct);
            var agreement = await db.Agreements.Include(a => a.Amendments).FirstOrDefaultAsync(a => a.Id == agreementId, ct);
            if (agreement is null)
            {
                return OperationResult.Fail($"Agreement {agreementId} does not exist.");
            }
            var previous = agreement.Amendments.OrderBy(m => m.Number).Last();
            var follows = ScheduleInForce.Followed(agreement.Amendments, await AmendmentAdoptions.LoadAsync(db, agreementId, ct))!;
            var effective = DateOnly.FromDateTime(form.EffectiveDate!.Value);
            if (effective < follows.EffectiveDate)
            {
                return OperationResult.Fail($"An amendment cannot take effect before the one it amends ({follows.EffectiveDate:MMMM d, yyyy}).");
            }
            var amendment = new Amendment
            {
                Number = previous.Number + 1,
                Title = form.Title.Trim(),
                EffectiveDate = effective,
                Summary = form.Summary.Trim(),
                Schedule = form.ToSchedule(),
            };
            amendment.ContentHash = AmendmentContent.Hash(amendment);
            agreement.Amendments.Add(amendment);
            var changes = ScheduleDiff.Between(previous.Schedule, amendment.Schedule);
            var reveals = ScheduleInForce.Reveals(follows.Schedule, amendment.Schedule);
            var when = $"from {effective:MMMM d, yyyy}";
            var standing = reveals.Count > 0
                ? "It shows the agency more than the schedule it follows, so it takes effect only once the signatory parties adopt it by ballot."
                : $"It narrows what the agency sees and governs the agency {when}.";
            AgreementTimeline.Add(db, agreementId, time.GetUtcNow(), AgreementTimeline.Amended,
                $"Amendment {amendment.Number}: {amendment.Title}. {string.Join(" ", changes)} {standing}", user.Identity?.Name);
            await db.SaveChangesAsync(ct);
            // Every schedule change reaches the Auditor's review queue: a narrowing takes effect on one Admin's word.
            await accessLog.AppendWithinAsync(db, new AccessEvent(AccessActions.AgreementChange)
            {
                Actor = user,
                Target = $"agreement:{agreement.Reference}",
                Filters = $"amendment {amendment.Number} added, effective {effective:yyyy-MM-dd}; hash={amendment.ContentHash}; "
                    + (reveals.Count > 0 ? $"awaiting adoption: {string.Join(" ", reveals)}" : "narrows or keeps the schedule: in force from its date"),
                Flagged = true,
                FlagReason = reveals.Count > 0 ? "An amendment would show the agency more; held for the parties' adoption." : "An Admin narrowed the agency's data schedule on their own.",
            }, ct);
            await tx.CommitAsync(ct);
            notifier.Publish(new BallotChange(BallotChangeKind.AgreementChanged, agreementId, null));
            return OperationResult.Ok($"Amendment {amendment.Number} added. {standing}");
        }, ct: ct);
    }

    /// <summary>Defaults for a new ballot: open now, close at 5 PM the day before the notice deadline.</summary>
    public async Task<BallotForm?> BallotFormForAsync(int agreementId, CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ManageAgreements, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null)
        {
            return null;
        }
        var now = PortalTime.ToCity(time.GetUtcNow());
        return new BallotForm
        {
            Term = $"Term ending {agreement.ExpiryDate:yyyy-MM-dd}",
            OpensDate = now.Date,
            OpensTime = new TimeSpan(now.Hour, now.Minute, 0),
            ClosesDate = AgreementTerms.NoticeDeadline(agreement).AddDays(-1).ToDateTime(TimeOnly.MinValue),
            ClosesTime = new TimeSpan(17, 0, 0),
        };
    }

    public async Task<(OperationResult Result, int? BallotId)> OpenBallotAsync(int agreementId, BallotForm form, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ManageAgreements, ct: ct);
        if (form.OpensDate is null || form.OpensTime is null || form.ClosesDate is null || form.ClosesTime is null)
        {
            return (OperationResult.Fail("Give the opening and closing dates and times."), null);
        }
        if (InputRules.Problem(form.Term, "The term", 200) is { } termProblem)
        {
            return (OperationResult.Fail(termProblem), null);
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
            if (agreement is null)
            {
                return (OperationResult.Fail($"Agreement {agreementId} does not exist."), (int?)null);
            }
            var now = time.GetUtcNow();
            var errors = BallotSchedule.Validate(agreement, opens!.Value, closes!.Value, form.TerminationThreshold, now).ToList();
            // An amendment's adoption ballot decides nothing about the term, so it does not hold a term ballot back.
            if (await db.Ballots.AnyAsync(b => b.AgreementId == agreementId && b.Kind == BallotKind.Term && b.Decision == null, ct))
            {
                errors.Add("This agreement already has a ballot that is not decided; wait for its decision.");
            }
            if (errors.Count > 0)
            {
                return (OperationResult.Fail(string.Join(" ", errors)), null);
            }
            // The parties vote on the agreement as amended by what binds it, not on an amendment still awaiting adoption.
            var amendment = ScheduleInForce.Followed(agreement.Amendments, await AmendmentAdoptions.LoadAsync(db, agreementId, ct))!;
            var ballot = new Ballot
            {
                AgreementId = agreementId,
                AmendmentId = amendment.Id,
                AmendmentHash = amendment.ContentHash,
                Term = form.Term.Trim(),
                OpensUtc = opens.Value,
                ClosesUtc = closes.Value,
                TerminationThreshold = form.TerminationThreshold,
                Status = BallotStatus.Open,
            };
            db.Ballots.Add(ballot);
            agreement.Status = AgreementStatus.UnderReview;
            AgreementTimeline.Add(db, agreementId, now, AgreementTimeline.BallotOpened,
                $"Ballot opened on renewal or termination of the {ballot.Term.ToLowerInvariant()}: votes from {PortalTime.Format(ballot.OpensUtc)} to {PortalTime.Format(ballot.ClosesUtc)}; {ballot.TerminationThreshold} of {agreement.Seats.Count} seats needed to terminate; bound to amendment {amendment.Number}.",
                user.Identity?.Name);
            await db.SaveChangesAsync(ct);
            Notices.Post(db, now, $"{agreement.Reference}: a ballot opened ({ballot.Term}); it closes {PortalTime.Format(ballot.ClosesUtc)}.", $"/ballots/{ballot.Id}");
            await db.SaveChangesAsync(ct);
            await accessLog.AppendWithinAsync(db, new AccessEvent(AccessActions.BallotOpen)
            {
                Actor = user,
                Target = $"ballot:{ballot.Id}",
                Filters = $"agreement={agreement.Reference}; opens={VoteReceipts.FormatUtc(ballot.OpensUtc)}; closes={VoteReceipts.FormatUtc(ballot.ClosesUtc)}; threshold={ballot.TerminationThreshold}; amendment={amendment.Number}; hash={amendment.ContentHash}",
            }, ct);
            await tx.CommitAsync(ct);
            notifier.Publish(new BallotChange(BallotChangeKind.Opened, agreementId, ballot.Id));
            return (OperationResult.Ok($"Ballot opened; it closes {PortalTime.Format(ballot.ClosesUtc)}."), (int?)ballot.Id);
        }, ct: ct);
    }
}
