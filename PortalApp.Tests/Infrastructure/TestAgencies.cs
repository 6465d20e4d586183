using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using PortalApp.Authorization;
using PortalApp.Masking;

namespace PortalApp.Tests.Infrastructure;

/// <summary>The demo's agencies as tests need them: ids, and what a liaison of one may see now.</summary>
public static class TestAgencies
{
    public static async Task<int> IdAsync(PortalHost host, string shortName)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Agencies.Where(a => a.ShortName == shortName).Select(a => a.Id).SingleAsync();
    }

    /// <summary>A new agency (no agreement, no liaison yet) named after <paramref name="name"/>; returns its id.</summary>
    public static async Task<int> NewAsync(PortalHost host, string name)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var agency = new Portal.Data.Entities.Agency { Name = $"Test agency {name}", ShortName = $"T-{Guid.NewGuid():N}"[..20] };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency.Id;
    }

    /// <summary>What <paramref name="role"/> may see now; a liaison is one of <paramref name="agency"/> (the ICE one unless said).</summary>
    public static async Task<RecordAccess> AccessAsync(PortalHost host, string role, string agency = PortalApp.Seeding.DemoAgencies.Ice)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var agencyId = role == Roles.AgencyLiaison ? await IdAsync(host, agency) : (int?)null;
        return await scope.ServiceProvider.GetRequiredService<MaskingPolicyService>().AccessForRoleAsync(role, agencyId);
    }
}
