using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Authorization;

namespace PortalApp.Seeding;

/// <summary>Seeds the demo on an empty database: roles, accounts, the agreement and its open ballot.</summary>
public sealed class DemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    TimeProvider time,
    RecordsDemoSeeder records,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedIfEmptyAsync()
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (await db.Users.AnyAsync())
            {
                return;
            }
        }
        logger.LogInformation("Empty database: seeding the demo.");
        foreach (var role in Roles.All)
        {
            await roleManager.CreateAsync(new IdentityRole(role));
        }
        var ids = new Dictionary<string, string>();
        foreach (var account in DemoAccounts.All)
        {
            ids[account.Email] = await CreateAccountAsync(account);
        }
        await using var context = await dbFactory.CreateDbContextAsync();
        context.Agreements.Add(DemoAgreement.Build(ids, time.GetUtcNow()));
        await context.SaveChangesAsync();
        await records.SeedAsync();
    }

    private async Task<string> CreateAccountAsync(DemoAccounts.Account account)
    {
        var user = new PortalUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            CreatedUtc = time.GetUtcNow(),
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
