using System.Globalization;

namespace PortalApp.Transparency;

/// <summary>
/// The one rule for publishing the agency's use: a count from 1 to 9 is shown as "fewer than 10" (0 stays 0), so no
/// small group can be singled out; a share computed from fewer than 10 events gets no figure at all.
/// </summary>
public static class SmallCounts
{
    public const int Threshold = 10;

    public const string FewerThanTen = "fewer than 10";

    public static bool Suppressed(long count) => count is > 0 and < Threshold;

    /// <summary>The count as the page and the CSV print it.</summary>
    public static string Text(long count) => Suppressed(count) ? FewerThanTen : count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The count as the JSON gives it: null when it is suppressed.</summary>
    public static long? Value(long count) => Suppressed(count) ? null : count;

    /// <summary>The whole-number percentage of <paramref name="part"/> in <paramref name="events"/>; null under 10 events.</summary>
    public static int? Percent(long part, long events) =>
        events < Threshold ? null : (int)Math.Round(100.0 * part / events, MidpointRounding.AwayFromZero);

    public static string PercentText(int? percent) => percent is { } p ? $"{p}%" : "no figure (fewer than 10 uses)";
}
