using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using PortalApp.Audit;
using PortalApp.Hosting;

namespace PortalApp.Records;

/// <summary>
/// The rules that flag the agency's use for the auditors without stopping it: use outside working hours,
/// searches without a case number, and viewing more distinct people than the volume limits allow.
/// (A singleton: it keeps each liaison's views of the last day in memory.)
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
        var cityTime = TimeOnly.FromDateTime(PortalTime.ToCity(time.GetUtcNow()).DateTime);
        var o = options.Value;
        if (!cityTime.IsBetween(o.LiaisonHoursStart, o.LiaisonHoursEnd))
        {
            flags.Add($"outside agency hours ({o.LiaisonHoursStart:HH\\:mm}–{o.LiaisonHoursEnd:HH\\:mm} ET)");
        }
        return flags;
    }

    /// <summary>Flags when viewing this person takes the liaison past the hourly or daily limit of distinct people.</summary>
    public async Task<List<string>> VolumeFlagsAsync(ClaimsPrincipal user, string target, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var window = await WindowAsync(user, now, ct);
        var (hour, day) = window.CountWith(target, now);
        var flags = new List<string>();
        if (hour > options.Value.LiaisonMaxPeoplePerHour)
        {
            flags.Add($"volume: {hour} distinct people viewed in an hour (limit {options.Value.LiaisonMaxPeoplePerHour})");
        }
        if (day > options.Value.LiaisonMaxPeoplePerDay)
        {
            flags.Add($"volume: {day} distinct people viewed in a day (limit {options.Value.LiaisonMaxPeoplePerDay})");
        }
        return flags;
    }

    /// <summary>Counts a view once its log entry is stored.</summary>
    public void Viewed(ClaimsPrincipal user, string target)
    {
        if (windows.TryGetValue(UserId(user), out var window))
        {
            window.Add(target, time.GetUtcNow());
        }
    }

    private const long RereadAfterMs = 30_000;

    private readonly ConcurrentDictionary<string, ViewWindow> windows = new();

    /// <summary>
    /// The people this liaison viewed in the last day, with the last time of each. It is read from the log, then kept
    /// up to date in memory with this instance's views and read again every 30 s (views through another instance
    /// count from then on).
    /// </summary>
    private async Task<ViewWindow> WindowAsync(ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
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
            .ToDictionaryAsync(v => v.Target ?? "", v => v.Last, ct);
        window = new ViewWindow(viewed, readAt);
        windows[userId] = window;
        return window;
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private sealed class ViewWindow(Dictionary<string, DateTimeOffset> lastViewed, long readAtMs)
    {
        public long ReadAtMs { get; } = readAtMs;

        public void Add(string target, DateTimeOffset at)
        {
            lock (lastViewed)
            {
                lastViewed[target] = at;
            }
        }

        /// <summary>Distinct people in the last hour and day, counting this one.</summary>
        public (int Hour, int Day) CountWith(string target, DateTimeOffset now)
        {
            var (hourAgo, dayAgo) = (now.AddHours(-1), now.AddDays(-1));
            lock (lastViewed)
            {
                var hour = 1;
                var day = 1;
                foreach (var (viewed, last) in lastViewed)
                {
                    if (viewed == target || last < dayAgo)
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
