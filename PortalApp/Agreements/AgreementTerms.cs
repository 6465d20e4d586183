using Portal.Data.Entities;
using PortalApp.Hosting;

namespace PortalApp.Agreements;

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

    public static DateOnly NoticeDeadline(Agreement agreement) =>
        agreement.ExpiryDate.AddDays(-agreement.NoticePeriodDays);
}
