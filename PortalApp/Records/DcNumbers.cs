using System.Globalization;
using System.Text.RegularExpressions;

namespace PortalApp.Records;

/// <summary>An arrest's DC number: two-digit year, two-digit police district, serial of at least seven digits ("26-14-0001234").</summary>
public static partial class DcNumbers
{
    public static string Format(int year, int district, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{year % 100:D2}-{district:D2}-{serial:D7}");

    /// <summary>
    /// A whole DC number, not a prefix of one. Only such a number is matched exactly and may name the few rows the
    /// small-result rule would otherwise withhold: a prefix ("2", "26-14") is a filter like any other.
    /// </summary>
    public static bool IsComplete(string? value) => value is not null && Complete().IsMatch(value);

    [GeneratedRegex("^[0-9]{2}-[0-9]{2}-[0-9]{7,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Complete();
}
