using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;

namespace PortalApp.Tests.Audit;

/// <summary>Reads the running app's log to count what an action wrote.</summary>
public static class AccessLogProbe
{
    public static async Task<long> LastIdAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.AccessLog.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    public static async Task<List<AccessLogEntry>> SinceAsync(IServiceProvider services, long afterId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.AccessLog.AsNoTracking().Where(e => e.Id > afterId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Runs the action and returns the single entry it wrote (fails if it wrote none or several).</summary>
    public static async Task<AccessLogEntry> SingleEntryOfAsync(IServiceProvider services, Func<Task> action)
    {
        var before = await LastIdAsync(services);
        await action();
        return Assert.Single(await SinceAsync(services, before));
    }
}
