using PortalApp.Common;

namespace PortalApp.Records;

/// <summary>Record-access settings, read from the "Portal" configuration section.</summary>
public sealed class RecordsOptions
{
    /// <summary>Result sets smaller than this are withheld from masked roles when a filter could single a person out.</summary>
    public int MinimumResultSize { get; set; } = 5;

    /// <summary>Paging stops here (as search engines do): a deeper page needs a narrower search. Counts are capped at it.</summary>
    public int MaxResultWindow { get; set; } = 50_000;

    /// <summary>Matches are counted exactly up to this many (cheap on the indexes); beyond it the count is "more than".</summary>
    public int ExactCountUpTo { get; set; } = 10_000;

    public int ExportLimit { get; set; } = 10_000;

    /// <summary>The agency's working hours in the city's time zone; use outside them is flagged.</summary>
    public TimeOnly LiaisonHoursStart { get; set; } = new(7, 0);
    public TimeOnly LiaisonHoursEnd { get; set; } = new(19, 0);

    /// <summary>The one test of agency hours: the oversight flags and the transparency page's share both ask it.</summary>
    public bool IsWithinAgencyHours(DateTimeOffset utc) =>
        TimeOnly.FromDateTime(Common.PortalTime.ToCity(utc).DateTime).IsBetween(LiaisonHoursStart, LiaisonHoursEnd);

    /// <summary>Viewing more distinct people than this in an hour or a day is flagged.</summary>
    public int LiaisonMaxPeoplePerHour { get; set; } = 25;
    public int LiaisonMaxPeoplePerDay { get; set; } = 100;

    /// <summary>
    /// The limits that apply to an agreement's liaisons: its own, else these settings. The one rule for both the flag
    /// (LiaisonOversight) and the agreement page.
    /// </summary>
    public (int PerHour, int PerDay) LimitsFor(int? perHour, int? perDay) =>
        (perHour ?? LiaisonMaxPeoplePerHour, perDay ?? LiaisonMaxPeoplePerDay);

    /// <summary>How long a stated purpose lasts before the liaison is asked again.</summary>
    public int PurposeValidHours { get; set; } = 8;
}
