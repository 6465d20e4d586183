namespace PortalApp.Common;

public static class TimeText
{
    /// <summary>"12 days 4 hours", "3 hours 5 minutes", "40 minutes".</summary>
    public static string Left(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return "no time";
        }
        return span.TotalDays >= 1 ? $"{Plural((int)span.TotalDays, "day")} {Plural(span.Hours, "hour")}"
            : span.TotalHours >= 1 ? $"{Plural(span.Hours, "hour")} {Plural(span.Minutes, "minute")}"
            : Plural(Math.Max(1, span.Minutes), "minute");
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
