using System.Security.Claims;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Agreements;
using PortalApp.Audit;
using PortalApp.Hosting;
using PortalApp.Notifications;

namespace PortalApp.Ballots;

/// <summary>
/// Records a decision inside the caller's write transaction: the decision row (unique per ballot, so a second
/// one fails in the database), the agreement's new state, its timeline, the notification and the access log.
/// </summary>
internal static class BallotDecider
{
    public static async Task RecordAsync(
        PortalDbContext db, AccessLog accessLog, Ballot ballot, Agreement agreement, DecisionOutcome outcome,
        Tally tally, DateTimeOffset decidedUtc, long? decidingVoteId, ClaimsPrincipal? actor)
    {
        var byDefault = decidingVoteId is null;
        db.BallotDecisions.Add(new BallotDecision
        {
            BallotId = ballot.Id,
            Outcome = outcome,
            DecidedUtc = decidedUtc,
            Tally = tally.ToString(),
            ByDefault = byDefault,
            DecidingVoteId = decidingVoteId,
        });
        ballot.Status = byDefault ? BallotStatus.Closed : BallotStatus.Decided;
        var how = byDefault
            ? $"The ballot closed without the termination threshold; the default outcome applies: {outcome}."
            : $"The termination threshold was met: {outcome}.";
        AgreementTimeline.Add(db, agreement.Id, decidedUtc, AgreementTimeline.Decision, $"Decision on the {ballot.Term.ToLowerInvariant()}: {how} {tally}", actor?.Identity?.Name);
        if (outcome == DecisionOutcome.Renew)
        {
            var previous = agreement.ExpiryDate;
            agreement.ExpiryDate = previous.AddMonths(AgreementTerms.RenewalTermMonths(agreement));
            agreement.Status = AgreementStatus.Active;
            AgreementTimeline.Add(db, agreement.Id, decidedUtc, AgreementTimeline.Renewed,
                $"Renewed for a new term: the expiry moves from {previous:MMMM d, yyyy} to {agreement.ExpiryDate:MMMM d, yyyy}.");
        }
        Notices.Post(db, decidedUtc, $"{agreement.Reference}: decided — {outcome}{(byDefault ? " (default at close)" : "")}.", $"/ballots/{ballot.Id}");
        await db.SaveChangesAsync();
        await accessLog.AppendSealedWithinAsync(db, new AccessEvent(AccessActions.Decision)
        {
            Actor = actor,
            UserName = actor is null ? "system (ballot closing)" : null,
            Target = $"ballot:{ballot.Id}",
            Filters = $"agreement={agreement.Reference}; outcome={outcome}; by-default={(byDefault ? "yes" : "no")}; deciding-vote={decidingVoteId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}; tally={tally}",
        }, SealReasons.Decision);
    }

    /// <summary>Why a ballot no longer takes votes, in words a voter understands.</summary>
    public static string ClosedMessage(Ballot ballot, BallotDecision decision) => decision.ByDefault
        ? $"This ballot closed at {PortalTime.Format(ballot.ClosesUtc)} without the termination threshold, so it was decided by default: {decision.Outcome}. Votes are no longer accepted."
        : $"This ballot was decided at {PortalTime.Format(decision.DecidedUtc)}: {decision.Outcome} ({decision.Tally}). Votes are no longer accepted.";
}
