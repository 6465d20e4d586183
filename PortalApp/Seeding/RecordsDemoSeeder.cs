using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using PortalApp.Common;
using PortalApp.Masking;

namespace PortalApp.Seeding;

/// <summary>The records part of the demo: Portal:DemoRecords synthetic records and masking policy v1.</summary>
public sealed class RecordsDemoSeeder(IDbContextFactory<PortalDbContext> dbFactory, IOptions<PortalOptions> options, TimeProvider time, ILogger<RecordsDemoSeeder> logger)
{
    public const int DemoSeed = 2008;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.MaskingPolicyVersions.AnyAsync(ct))
        {
            db.MaskingPolicyVersions.Add(DefaultMaskingPolicy.Build(time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Involvements.AnyAsync(ct))
        {
            var result = RecordBulkLoader.Replace(db.Provider(), db.Database.GetConnectionString()!, options.Value.DemoRecords, DemoSeed);
            logger.LogInformation("Seeded {Records} demo records in {Elapsed}.", result.Records, result.Elapsed);
        }
    }
}
