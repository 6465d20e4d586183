using Portal.Data.Entities;
using PortalApp.Common;

namespace PortalApp.Terms;

/// <summary>The one definition of "in force": it decides what the outside agency may see.</summary>
public static class AgreementTerms
{
    public static bool IsInForce(Agreement agreement, DateTimeOffset nowUtc) =>
        agreement.Status is AgreementStatus.Active or AgreementStatus.UnderReview
        && (agreement.TerminationEffectiveUtc is not { } cutOff || nowUtc < cutOff)
        && nowUtc < EndOfTermUtc(agreement);

    /// <summary>The agreement ends at midnight after its expiry date, in the city's time zone.</summary>
    public static DateTimeOffset EndOfTermUtc(Agreement agreement) =>
        PortalTime.FromCity(agreement.ExpiryDate.AddDays(1), TimeOnly.MinValue);

    /// <summary>
    /// The day a decision takes effect: the day after the decided term ends. A renewal has already moved the
    /// expiry one renewal term forward, so its decided term ended one term before the current expiry.
    /// </summary>
    public static DateOnly DecisionEffectiveDate(Agreement agreement, DecisionOutcome outcome) =>
        outcome == DecisionOutcome.Renew
            ? agreement.ExpiryDate.AddMonths(-RenewalTermMonths(agreement)).AddDays(1)
            : agreement.ExpiryDate.AddDays(1);

    public static int RenewalTermMonths(Agreement agreement) => agreement.RenewalTermMonths > 0 ? agreement.RenewalTermMonths : 12;

    public static DateOnly NoticeDeadline(Agreement agreement) =>
        agreement.ExpiryDate.AddDays(-agreement.NoticePeriodDays);

    /// <summary>Notice counts if given by the end of the deadline day in the city; a ballot must close by then.</summary>
    public static DateTimeOffset NoticeDeadlineEndUtc(Agreement agreement) =>
        PortalTime.FromCity(NoticeDeadline(agreement).AddDays(1), TimeOnly.MinValue);

    public static int DaysToNoticeDeadline(Agreement agreement, DateOnly cityToday) =>
        NoticeDeadline(agreement).DayNumber - cityToday.DayNumber;

    /// <summary>The reminders before a notice deadline, in days, earliest first.</summary>
    public static readonly IReadOnlyList<int> ReminderDays = [120, 90, 30];

    /// <summary>The latest reminder reached (120, 90 or 30), or null when the deadline is further off or past.</summary>
    public static int? ReminderStage(int daysToDeadline) =>
        daysToDeadline < 0 ? null : ReminderDays.Where(d => daysToDeadline <= d).Cast<int?>().LastOrDefault();
}
