using System.Globalization;
using MudBlazor;
using Portal.Data.Entities;
using PortalApp.Common;

namespace PortalApp.Terms;

public enum LifecyclePhase
{
    Draft,
    Active,
    UnderReview,
    RenewalDecided,
    TerminationDecided,
    Terminating,
    Terminated,
    Expired,
}

/// <summary>
/// Where an agreement stands, decided in one place from the agreement row (its cut-off and letter come from the
/// issued letter), its ballots and decisions, and the clock; every list, page, dashboard card and reminder reads it.
/// "In force" is <see cref="AgreementTerms.IsInForce"/> itself, so what is shown is what is enforced.
/// </summary>
public sealed record AgreementLifecycle(
    LifecyclePhase Phase,
    bool InForce,
    string Label,
    Color ChipColor,
    string Summary,
    DateOnly ExpiryDate,
    DateOnly EndsOn,
    DateOnly NoticeDeadline,
    DateTimeOffset NoticeDeadlineEndUtc,
    int DaysToNoticeDeadline,
    bool NoticeCanBeGiven,
    int? ReminderStage,
    bool ShowsDefaultOutcome,
    DateTimeOffset? CutOffUtc,
    string? LetterNumber)
{
    /// <summary>Countdowns to the notice deadline apply only while a notice can still be given.</summary>
    public bool ShowsNoticeCountdown => NoticeCanBeGiven;

    /// <summary>The liaison is offered records exactly while the agreement is in force.</summary>
    public bool OffersRecords => InForce;

    /// <summary>What the liaison is told between a termination letter's issue and its cut-off.</summary>
    public string? AccessEndsNotice => Phase == LifecyclePhase.Terminating
        ? $"Access ends on {LongDate(EndsOn)} under letter {LetterNumber}."
        : null;

    public static AgreementLifecycle Of(Agreement agreement, LifecycleFacts facts, DateTimeOffset nowUtc)
    {
        var inForce = AgreementTerms.IsInForce(agreement, nowUtc);
        var cutOff = agreement.TerminationEffectiveUtc;
        var phase = inForce ? InForcePhase(agreement, facts) : EndedPhase(agreement, nowUtc);
        var deadlineEnd = AgreementTerms.NoticeDeadlineEndUtc(agreement);
        var noticeOpen = phase is LifecyclePhase.Active or LifecyclePhase.UnderReview or LifecyclePhase.RenewalDecided or LifecyclePhase.TerminationDecided
            && nowUtc < deadlineEnd;
        var days = AgreementTerms.DaysToNoticeDeadline(agreement, DateOnly.FromDateTime(PortalTime.ToCity(nowUtc).DateTime));
        var endsOn = cutOff is { } at && phase is LifecyclePhase.Terminating or LifecyclePhase.Terminated
            ? DateOnly.FromDateTime(PortalTime.ToCity(at).DateTime)
            : agreement.ExpiryDate;
        var (label, color) = Chip(phase, endsOn);
        return new AgreementLifecycle(
            phase, inForce, label, color, Describe(phase, agreement, facts, endsOn, noticeOpen),
            agreement.ExpiryDate, endsOn, AgreementTerms.NoticeDeadline(agreement), deadlineEnd, days,
            noticeOpen, noticeOpen ? AgreementTerms.ReminderStage(days) : null,
            phase is LifecyclePhase.Active or LifecyclePhase.UnderReview or LifecyclePhase.RenewalDecided,
            cutOff, agreement.TerminationLetterNumber);
    }

    private static LifecyclePhase InForcePhase(Agreement agreement, LifecycleFacts facts) =>
        agreement.TerminationEffectiveUtc is not null ? LifecyclePhase.Terminating
        : facts.BallotUndecided ? LifecyclePhase.UnderReview
        : facts.LatestDecision?.Outcome == DecisionOutcome.Terminate ? LifecyclePhase.TerminationDecided
        : facts.LatestDecision?.Outcome == DecisionOutcome.Renew ? LifecyclePhase.RenewalDecided
        : agreement.Status == AgreementStatus.UnderReview ? LifecyclePhase.UnderReview
        : LifecyclePhase.Active;

    private static LifecyclePhase EndedPhase(Agreement agreement, DateTimeOffset nowUtc) =>
        agreement.Status == AgreementStatus.Draft ? LifecyclePhase.Draft
        : agreement.TerminationEffectiveUtc is { } cutOff && nowUtc >= cutOff ? LifecyclePhase.Terminated
        : agreement.Status == AgreementStatus.Terminated ? LifecyclePhase.Terminated
        : LifecyclePhase.Expired;

    private static (string Label, Color Color) Chip(LifecyclePhase phase, DateOnly endsOn) => phase switch
    {
        LifecyclePhase.Draft => ("Draft", Color.Default),
        LifecyclePhase.Active => ("Active", Color.Success),
        LifecyclePhase.UnderReview => ("Under review", Color.Warning),
        LifecyclePhase.RenewalDecided => ("Renewed", Color.Success),
        LifecyclePhase.TerminationDecided => ("Termination decided, letter pending", Color.Warning),
        LifecyclePhase.Terminating => ($"Terminating on {endsOn.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}", Color.Error),
        LifecyclePhase.Terminated => ("Terminated", Color.Error),
        _ => ("Expired", Color.Error),
    };

    private static string Describe(LifecyclePhase phase, Agreement agreement, LifecycleFacts facts, DateOnly endsOn, bool noticeOpen)
    {
        var deadline = LongDate(AgreementTerms.NoticeDeadline(agreement));
        var notice = noticeOpen ? $"the notice deadline is {deadline}" : $"the notice deadline passed on {deadline}";
        var letter = agreement.TerminationLetterNumber is { } number ? $" under letter {number}" : "";
        return phase switch
        {
            LifecyclePhase.Draft => "Draft: not in force; the agency has no access.",
            LifecyclePhase.Active => $"In force until {LongDate(agreement.ExpiryDate)}; {notice}.",
            LifecyclePhase.UnderReview => $"Under review: a ballot decides renewal or termination; {notice}.",
            LifecyclePhase.RenewalDecided =>
                $"Renewed{(facts.LatestDecision?.ByDefault == true ? " by default at the ballot's close" : "")}: in force until {LongDate(agreement.ExpiryDate)}; {notice}.",
            LifecyclePhase.TerminationDecided =>
                $"Termination decided on {LongDate(CityDate(facts.LatestDecision!.DecidedUtc))}; the Solicitor's letter is pending and {notice}.",
            LifecyclePhase.Terminating => $"Terminating on {LongDate(endsOn)}{letter}: the agency's access ends then.",
            LifecyclePhase.Terminated => agreement.TerminationEffectiveUtc is null
                ? "Terminated: the agency has no access."
                : $"Terminated on {LongDate(endsOn)}{letter}: the agency has no access.",
            _ => $"Expired at the end of {LongDate(agreement.ExpiryDate)}: the agency has no access.",
        };
    }

    private static DateOnly CityDate(DateTimeOffset utc) => DateOnly.FromDateTime(PortalTime.ToCity(utc).DateTime);

    private static string LongDate(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}
