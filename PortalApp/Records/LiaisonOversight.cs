using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using PortalApp.AccessLogging;

namespace PortalApp.Records;

/// <summary>
/// The rules that flag the agency's use for the auditors without stopping it: use outside working hours,
/// searches without a case number, and reaching (viewing or exporting) more distinct people than the volume limits allow.
/// (A singleton: it keeps the people each liaison reached in the last day in memory.)
/// </summary>
public sealed class LiaisonOversight(IDbContextFactory<PortalDbContext> dbFactory, IOptions<RecordsOptions> options, TimeProvider time)
{
    public List<string> PurposeAndHourFlags(StatedPurpose purpose)
    {
        var flags = new List<string>();
        if (string.IsNullOrWhiteSpace(purpose.CaseNumber))
        {
            flags.Add("no case number stated");
        }
        var o = options.Value;
        if (!o.IsWithinAgencyHours(time.GetUtcNow()))
        {
            flags.Add($"outside agency hours ({o.LiaisonHoursStart:HH\\:mm}–{o.LiaisonHoursEnd:HH\\:mm} ET)");
        }
        return flags;
    }

    /// <summary>
    /// Flags when reaching these people (one viewed, or the people in an export) takes the liaison past the hourly or
    /// daily limit of distinct people reached by any means: the limits of their agency's agreement, else the settings.
    /// </summary>
    public async Task<List<string>> VolumeFlagsAsync(ClaimsPrincipal user, IReadOnlyCollection<int> people, Masking.VolumeLimits? limits, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var window = await WindowAsync(user, now, ct);
        var (hour, day) = window.CountWith(people, now);
        var (perHour, perDay) = options.Value.LimitsFor(limits?.PerHour, limits?.PerDay);
        var flags = new List<string>();
        if (hour > perHour)
        {
            flags.Add($"volume: {hour} distinct people viewed or exported in an hour (limit {perHour})");
        }
        if (day > perDay)
        {
            flags.Add($"volume: {day} distinct people viewed or exported in a day (limit {perDay})");
        }
        return flags;
    }

    /// <summary>Counts people viewed or exported once the log entry is stored.</summary>
    public void Reached(ClaimsPrincipal user, IReadOnlyCollection<int> people)
    {
        if (windows.TryGetValue(UserId(user), out var window))
        {
            window.Add(people, time.GetUtcNow());
        }
    }

    private const long RereadAfterMs = 30_000;

    private readonly ConcurrentDictionary<string, ReachWindow> windows = new();

    /// <summary>
    /// The people this liaison viewed or exported in the last day, with the last time of each. It is read from the
    /// log, then kept up to date in memory with this instance's accesses and read again every 30 s (accesses through
    /// another instance count from then on).
    /// </summary>
    private async Task<ReachWindow> WindowAsync(ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        var userId = UserId(user);
        if (windows.TryGetValue(userId, out var window) && Environment.TickCount64 - window.ReadAtMs < RereadAfterMs)
        {
            return window;
        }
        var readAt = Environment.TickCount64;
        var dayAgo = now.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One row per person viewed, with the last time: bounded by the people seen, not by how often.
        var viewed = await db.AccessLog.AsNoTracking()
            .Where(e => e.UserId == userId && e.Action == AccessActions.RecordView && e.Outcome == AccessOutcomes.Success && e.AtUtc >= dayAgo)
            .GroupBy(e => e.Target)
            .Select(g => new { Target = g.Key, Last = g.Max(e => e.AtUtc) })
            .ToListAsync(ct);
        var exported = await db.AccessLog.AsNoTracking()
            .Where(e => e.UserId == userId && e.Action == AccessActions.Export && e.Outcome == AccessOutcomes.Success && e.AtUtc >= dayAgo)
            .Select(e => new { e.AtUtc, e.Filters })
            .ToListAsync(ct);
        var last = new Dictionary<int, DateTimeOffset>();
        void Note(int person, DateTimeOffset at)
        {
            if (!last.TryGetValue(person, out var seen) || seen < at)
            {
                last[person] = at;
            }
        }
        foreach (var v in viewed)
        {
            if (RecordReach.PersonOf(v.Target) is { } person)
            {
                Note(person, v.Last);
            }
        }
        foreach (var e in exported)
        {
            foreach (var person in RecordReach.Split(e.Filters).Reach?.People ?? new HashSet<int>())
            {
                Note(person, e.AtUtc);
            }
        }
        window = new ReachWindow(last, readAt);
        windows[userId] = window;
        return window;
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private sealed class ReachWindow(Dictionary<int, DateTimeOffset> lastReached, long readAtMs)
    {
        public long ReadAtMs { get; } = readAtMs;

        public void Add(IReadOnlyCollection<int> people, DateTimeOffset at)
        {
            lock (lastReached)
            {
                foreach (var person in people)
                {
                    lastReached[person] = at;
                }
            }
        }

        /// <summary>Distinct people in the last hour and day, counting these.</summary>
        public (int Hour, int Day) CountWith(IReadOnlyCollection<int> people, DateTimeOffset now)
        {
            var (hourAgo, dayAgo) = (now.AddHours(-1), now.AddDays(-1));
            var these = people as IReadOnlySet<int> ?? people.ToHashSet();
            lock (lastReached)
            {
                var hour = these.Count;
                var day = these.Count;
                foreach (var (person, last) in lastReached)
                {
                    if (these.Contains(person) || last < dayAgo)
                    {
                        continue;
                    }
                    day++;
                    if (last >= hourAgo)
                    {
                        hour++;
                    }
                }
                return (hour, day);
            }
        }
    }
}
