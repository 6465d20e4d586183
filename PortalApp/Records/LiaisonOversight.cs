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
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = time.GetUtcNow();
        var dayAgo = now.AddDays(-1);
        var hourAgo = now.AddHours(-1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One row per person viewed, with the last time: bounded by the people seen, not by how often.
        var viewed = await db.AccessLog.AsNoTracking()
            .Where(e => e.UserId == userId && e.Action == AccessActions.RecordView && e.Outcome == AccessOutcomes.Success && e.AtUtc >= dayAgo)
            .GroupBy(e => e.Target)
            .Select(g => new { Target = g.Key, Last = g.Max(e => e.AtUtc) })
            .ToListAsync(ct);
        var day = viewed.Select(v => v.Target).Append(target).Distinct().Count();
        var hour = viewed.Where(v => v.Last >= hourAgo).Select(v => v.Target).Append(target).Distinct().Count();
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
}
