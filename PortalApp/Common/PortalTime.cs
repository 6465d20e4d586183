namespace PortalApp.Common;

/// <summary>The city's time zone: times are stored in UTC and shown and reasoned about here.</summary>
public static class PortalTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateTimeOffset ToCity(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static string Format(DateTimeOffset utc) => ToCity(utc).ToString("MMM d, yyyy h:mm tt", System.Globalization.CultureInfo.InvariantCulture) + " ET";

    /// <summary>The UTC instant of a wall-clock time in the city (the earlier one when it is ambiguous).</summary>
    public static DateTimeOffset FromCity(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateOnly Today(TimeProvider time) => CityDate(time.GetUtcNow());

    public static DateOnly CityDate(DateTimeOffset utc) => DateOnly.FromDateTime(ToCity(utc).DateTime);
}
