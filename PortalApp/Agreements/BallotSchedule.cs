using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Terms;

namespace PortalApp.Agreements;

/// <summary>Validation of a ballot's opening and closing, reasoned in the city's time zone and stored as UTC instants.</summary>
public static class BallotSchedule
{
    /// <summary>The UTC instant of a city wall-clock time, or an error when that time does not exist (spring forward).</summary>
    public static (DateTimeOffset? Utc, string? Error) CityInstant(DateOnly date, TimeOnly time, string what)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return PortalTime.Zone.IsInvalidTime(local)
            ? (null, $"The {what} time {time:h:mm tt} on {date:MMMM d, yyyy} does not exist in New York (the clocks jump forward); choose another time.")
            : (PortalTime.FromCity(date, time), null);
    }

    public static IReadOnlyList<string> Validate(Agreement agreement, DateTimeOffset opensUtc, DateTimeOffset closesUtc, int threshold, DateTimeOffset nowUtc)
    {
        var errors = new List<string>();
        if (closesUtc <= opensUtc)
        {
            errors.Add("The ballot must close after it opens.");
        }
        if (closesUtc <= nowUtc)
        {
            errors.Add("The closing time has already passed.");
        }
        var deadlineEnd = AgreementTerms.NoticeDeadlineEndUtc(agreement);
        if (closesUtc > deadlineEnd)
        {
            errors.Add($"The ballot must close no later than the notice deadline ({AgreementTerms.NoticeDeadline(agreement):MMMM d, yyyy}, end of day in New York), so that notice can still be given.");
        }
        var seats = agreement.Seats.Count;
        if (threshold < 1 || threshold > seats)
        {
            errors.Add($"The termination threshold must be between 1 and the number of seats ({seats}).");
        }
        // Ending and ended do not depend on ballots, so the lifecycle needs no ballot facts here.
        var lifecycle = AgreementLifecycle.Of(agreement, LifecycleFacts.None, nowUtc);
        if (lifecycle.Phase is LifecyclePhase.Terminating or LifecyclePhase.Terminated or LifecyclePhase.Expired)
        {
            errors.Add($"The agreement is {lifecycle.Label.ToLowerInvariant()}; there is no term left to decide.");
        }
        return errors;
    }
}
