using System.Globalization;
using System.IO.Compression;

namespace PortalApp.AccessLogging;

/// <summary>
/// What a search or an export handed over: the rows returned, whether more matched than the counting window
/// holds, and (for an export) exactly which people were in the file. The access log keeps it at the end of the
/// entry's Filters column, after <see cref="Separator"/> (which never appears in the human part: the log replaces
/// it there), so the oversight figures are read from the entries themselves without a schema change.
/// </summary>
public sealed record RecordReach(int Rows, bool MoreMatches = false, IReadOnlySet<int>? People = null)
{
    /// <summary>U+241E SYMBOL FOR RECORD SEPARATOR.</summary>
    public const char Separator = '\u241E';

    private const string PeoplePrefix = "people=";

    public string Encode()
    {
        var parts = new List<string> { "rows=" + Rows.ToString(CultureInfo.InvariantCulture) };
        if (MoreMatches)
        {
            parts.Add("matches=more");
        }
        if (People is not null)
        {
            parts.Add($"{PeoplePrefix}{People.Count.ToString(CultureInfo.InvariantCulture)}:{PersonSet.Encode(People)}");
        }
        return string.Join(';', parts);
    }

    /// <summary>For the auditor's entry view: "2,946 rows · 2,946 distinct people".</summary>
    public string Describe() => string.Join(" · ", new[]
    {
        Rows.ToString("N0", CultureInfo.InvariantCulture) + " rows",
        MoreMatches ? "more matches than the counting window" : null,
        People is null ? null : People.Count.ToString("N0", CultureInfo.InvariantCulture) + " distinct people",
    }.OfType<string>());

    /// <summary>Joins the human filters (already cleared of the separator) and the reach into one column value.</summary>
    public static string? Compose(string? filters, RecordReach? reach) =>
        reach is null ? filters : $"{filters}{Separator}{reach.Encode()}";

    /// <summary>The human filters and the reach of a stored Filters value; a value without a (valid) reach has none.</summary>
    public static (string? Filters, RecordReach? Reach) Split(string? stored)
    {
        var at = stored?.LastIndexOf(Separator) ?? -1;
        if (at < 0)
        {
            return (stored, null);
        }
        var human = stored![..at];
        return (human.Length == 0 ? null : human, Parse(stored[(at + 1)..]));
    }

    public static string? HumanFilters(string? stored) => Split(stored).Filters;

    /// <summary>The target of record searches and exports (a view's target is the person).</summary>
    public const string RecordsTarget = "records";

    /// <summary>A record view's target: the person viewed.</summary>
    public static string PersonTarget(int personId) => "person:" + personId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The person of a record view's target, or null for any other target.</summary>
    public static int? PersonOf(string? target) =>
        target is not null && target.StartsWith("person:", StringComparison.Ordinal)
        && int.TryParse(target.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static RecordReach? Parse(string text)
    {
        int? rows = null;
        var more = false;
        IReadOnlySet<int>? people = null;
        foreach (var part in text.Split(';'))
        {
            if (part.StartsWith("rows=", StringComparison.Ordinal) && int.TryParse(part.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var r))
            {
                rows = r;
            }
            else if (part == "matches=more")
            {
                more = true;
            }
            else if (part.StartsWith(PeoplePrefix, StringComparison.Ordinal))
            {
                var body = part[PeoplePrefix.Length..];
                var colon = body.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !int.TryParse(body.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                    || PersonSet.Decode(body[(colon + 1)..]) is not { } set || set.Count != count)
                {
                    return null;
                }
                people = set;
            }
        }
        return rows is { } n ? new RecordReach(n, more, people) : null;
    }
}

/// <summary>
/// A set of person ids in a few bytes per thousand: sorted, each stored as its gap from the previous one (a
/// variable-length integer), deflated and written in URL-safe base64. Ten thousand people take about 10–20 KB at
/// worst, far less when they are near one another.
/// </summary>
public static class PersonSet
{
    public static string Encode(IEnumerable<int> ids)
    {
        using var raw = new MemoryStream();
        var previous = 0L;
        foreach (var id in ids.Distinct().Order())
        {
            WriteVarint(raw, (ulong)(id - previous));
            previous = id;
        }
        using var packed = new MemoryStream();
        using (var deflate = new DeflateStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(deflate);
        }
        return Convert.ToBase64String(packed.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The ids, or null when the text is not a set this class wrote.</summary>
    public static HashSet<int>? Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var bytes = Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
            using var deflate = new DeflateStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var raw = new MemoryStream();
            deflate.CopyTo(raw);
            var data = raw.GetBuffer().AsSpan(0, (int)raw.Length);
            var ids = new HashSet<int>();
            var current = 0L;
            while (data.Length > 0)
            {
                current += (long)ReadVarint(ref data);
                if (current > int.MaxValue)
                {
                    return null;
                }
                ids.Add((int)current);
            }
            return ids;
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or OverflowException)
        {
            return null;
        }
    }

    private static void WriteVarint(Stream s, ulong value)
    {
        while (value >= 0x80)
        {
            s.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        s.WriteByte((byte)value);
    }

    private static ulong ReadVarint(ref Span<byte> data)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (data.Length == 0)
            {
                throw new FormatException("A person set ends inside a number.");
            }
            var b = data[0];
            data = data[1..];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new OverflowException("A person set holds a number too large.");
    }
}
