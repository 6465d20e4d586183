using Microsoft.EntityFrameworkCore;
using Portal.Data;
using PortalApp.Authorization;

namespace PortalApp.Agencies;

/// <summary>An outside agency as forms and filters offer it.</summary>
public sealed record AgencyChoice(int Id, string Name, string ShortName)
{
    public string Label => $"{Name} ({ShortName})";
}

/// <summary>The outside agencies: the counterparties of agreements and the employers of liaisons.</summary>
public sealed class AgencyDirectory(IDbContextFactory<PortalDbContext> dbFactory, Capabilities capabilities)
{
    public async Task<IReadOnlyList<AgencyChoice>> ListAsync(CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.SignedIn, ct: ct);
        return await ReadAsync(dbFactory, ct);
    }

    /// <summary>Without a capability check: for the public record and for checks inside other services.</summary>
    internal static async Task<IReadOnlyList<AgencyChoice>> ReadAsync(IDbContextFactory<PortalDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Agencies.AsNoTracking().OrderBy(a => a.ShortName)
            .Select(a => new AgencyChoice(a.Id, a.Name, a.ShortName)).ToListAsync(ct);
    }
}
