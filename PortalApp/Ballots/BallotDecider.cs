using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Common;
using PortalApp.Notifications;
using PortalApp.Terms;

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
        var adoption = ballot.Kind == BallotKind.AmendmentAdoption;
        var how = (byDefault, adoption) switch
        {
            (true, true) => "The ballot closed without the adoption threshold, so the amendment is not adopted.",
            (false, true) => "The adoption threshold was met: the amendment is adopted.",
            (true, false) => $"The ballot closed without the termination threshold; the default outcome applies: {outcome}.",
            _ => $"The termination threshold was met: {outcome}.",
        };
        AgreementTimeline.Add(db, agreement.Id, decidedUtc, AgreementTimeline.Decision, $"Decision on {BallotQuestion.InSentence(ballot.Kind, ballot.Term)}: {how} {tally}", actor?.Identity?.Name);
        if (!adoption && outcome == DecisionOutcome.Renew)
        {
            var previous = agreement.ExpiryDate;
            agreement.ExpiryDate = previous.AddMonths(AgreementTerms.RenewalTermMonths(agreement));
            agreement.Status = AgreementStatus.Active;
            AgreementTimeline.Add(db, agreement.Id, decidedUtc, AgreementTimeline.Renewed,
                $"Renewed for a new term: the expiry moves from {previous:MMMM d, yyyy} to {agreement.ExpiryDate:MMMM d, yyyy}.");
        }
        var amendment = await db.Amendments.AsNoTracking().Where(m => m.Id == ballot.AmendmentId).Select(m => new { m.Number, m.EffectiveDate }).SingleAsync();
        if (adoption && outcome == DecisionOutcome.Adopt)
        {
            var from = AmendmentAdoptions.AppliesFrom(amendment.EffectiveDate, decidedUtc);
            AgreementTimeline.Add(db, agreement.Id, decidedUtc, AgreementTimeline.Adopted,
                $"Amendment {amendment.Number} adopted by ballot {ballot.Id}: its data schedule governs the agency from {from:MMMM d, yyyy} (city time).");
        }
        var said = adoption
            ? $"amendment {amendment.Number} {(outcome == DecisionOutcome.Adopt ? "adopted" : "not adopted")} by ballot"
            : $"decided — {outcome}";
        Notices.Post(db, decidedUtc, $"{agreement.Reference}: {said}{(byDefault ? " (default at close)" : "")}.", $"/ballots/{ballot.Id}");
        await db.SaveChangesAsync();
        await accessLog.AppendSealedWithinAsync(db, new AccessEvent(AccessActions.Decision)
        {
            Actor = actor,
            UserName = actor is null ? "system (ballot closing)" : null,
            Target = $"ballot:{ballot.Id}",
            Filters = $"agreement={agreement.Reference}; {(adoption ? $"kind=adoption; amendment={amendment.Number}; " : "")}outcome={outcome}; by-default={(byDefault ? "yes" : "no")}; deciding-vote={decidingVoteId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}; tally={tally}",
        }, SealReasons.Decision);
    }

    /// <summary>Why a ballot no longer takes votes, in words a voter understands.</summary>
    public static string ClosedMessage(Ballot ballot, BallotDecision decision) => decision.ByDefault
        ? $"This ballot closed at {PortalTime.Format(ballot.ClosesUtc)} without the {BallotQuestion.ThresholdName(ballot.Kind)} threshold, so it was decided by default: {BallotQuestion.Outcome(decision.Outcome)}. Votes are no longer accepted."
        : $"This ballot was decided at {PortalTime.Format(decision.DecidedUtc)}: {BallotQuestion.Outcome(decision.Outcome)} ({decision.Tally}). Votes are no longer accepted.";
}
