using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Authorization;

namespace PortalApp.Seeding;

/// <summary>Seeds the demo on an empty database: roles, the agencies, accounts, the two agreements and the open ballot.</summary>
public sealed class DemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    TimeProvider time,
    RecordsDemoSeeder records,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Users.AnyAsync(ct))
            {
                return;
            }
        }
        logger.LogInformation("Empty database: seeding the demo.");
        foreach (var role in Roles.All)
        {
            await roleManager.CreateAsync(new IdentityRole(role));
        }
        await using var context = await dbFactory.CreateDbContextAsync(ct);
        var agencies = DemoAgencies.Build().ToDictionary(a => a.ShortName);
        context.Agencies.AddRange(agencies.Values);
        await context.SaveChangesAsync(ct);
        var ids = new Dictionary<string, string>();
        foreach (var account in DemoAccounts.All)
        {
            ids[account.Email] = await CreateAccountAsync(account, account.Agency is { } agency ? agencies[agency].Id : null);
        }
        context.Agreements.Add(DemoAgreement.Build(agencies[DemoAgencies.Ice], ids, time.GetUtcNow()));
        context.Agreements.Add(DemoFbiAgreement.Build(agencies[DemoAgencies.Fbi], ids, time.GetUtcNow()));
        await context.SaveChangesAsync(ct);
        await records.SeedAsync(ct);
    }

    private async Task<string> CreateAccountAsync(DemoAccounts.Account account, int? agencyId)
    {
        var user = new PortalUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            CreatedUtc = time.GetUtcNow(),
            AgencyId = agencyId,
        };
        var result = await userManager.CreateAsync(user, DemoAccounts.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await userManager.AddToRoleAsync(user, account.Role);
        if (account.Party is not null)
        {
            await userManager.AddClaimAsync(user, new Claim(Roles.PartyClaim, account.Party));
        }
        return user.Id;
    }
}
