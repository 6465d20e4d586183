using System.Globalization;

namespace PortalApp.Transparency;

/// <summary>Dates as the public page prints them (city dates; the files use ISO dates).</summary>
public static class PublicDates
{
    public static string Day(DateOnly day) => day.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
