using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using PortalApp.Audit;
using PortalApp.Authorization;
using PortalApp.Hosting;

namespace PortalApp.Users;

/// <summary>Accounts are created and managed here by an Admin; there is no self-registration.</summary>
public sealed class UserAdminService(
    IDbContextFactory<Portal.Data.PortalDbContext> dbFactory,
    UserManager<PortalUser> userManager,
    Capabilities capabilities,
    AccessLog accessLog,
    TimeProvider time)
{
    public static readonly IReadOnlyList<string> Parties = Enum.GetNames<Party>();

    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        await capabilities.RequireAsync(Policies.ManageUsers);
        await using var db = await dbFactory.CreateDbContextAsync();
        // One query for every account with its role and party, not two more per account.
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new
        {
            u.Id, u.Email, u.DisplayName, u.LockoutEnd, u.AccessFailedCount, u.TwoFactorEnabled,
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            Party = db.UserClaims.Where(c => c.UserId == u.Id && c.ClaimType == Roles.PartyClaim).Select(c => c.ClaimValue).FirstOrDefault(),
        }).ToListAsync();
        var now = time.GetUtcNow();
        return users.Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, u.Role, u.Party,
            u.LockoutEnd is { } end && end > now, u.AccessFailedCount, u.TwoFactorEnabled)).ToList();
    }

    public async Task<OperationResult> CreateAsync(NewUser input)
    {
        var admin = await capabilities.RequireAsync(Policies.ManageUsers);
        var problem = InputRules.First(
            InputRules.Problem(input.Email, "Email", 256),
            InputRules.Problem(input.DisplayName, "Display name", 200),
            InputRules.Problem(input.Password, "Password", 200),
            ValidateRoleAndParty(input.Role, input.Party));
        if (problem is not null)
        {
            return OperationResult.Fail(problem);
        }
        var user = new PortalUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            CreatedUtc = time.GetUtcNow(),
        };
        var created = await userManager.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return OperationResult.Fail(created);
        }
        await userManager.AddToRoleAsync(user, input.Role);
        if (input.Party is not null)
        {
            await userManager.AddClaimAsync(user, new Claim(Roles.PartyClaim, input.Party));
        }
        await accessLog.AppendAsync(new AccessEvent(AccessActions.UserCreate) { Actor = admin, Target = $"user {user.Email} role {input.Role}{PartyText(input.Party)}" });
        return OperationResult.Ok($"Created {user.Email}.");
    }

    public async Task<OperationResult> SetRoleAsync(string userId, string role, string? party)
    {
        var admin = await capabilities.RequireAsync(Policies.ManageUsers);
        var problem = ValidateRoleAndParty(role, party);
        var user = await userManager.FindByIdAsync(userId);
        if (problem is not null || user is null)
        {
            return OperationResult.Fail(problem ?? "That account does not exist.");
        }
        await userManager.RemoveFromRolesAsync(user, await userManager.GetRolesAsync(user));
        await userManager.AddToRoleAsync(user, role);
        var oldParty = (await userManager.GetClaimsAsync(user)).Where(c => c.Type == Roles.PartyClaim).ToList();
        await userManager.RemoveClaimsAsync(user, oldParty);
        if (party is not null)
        {
            await userManager.AddClaimAsync(user, new Claim(Roles.PartyClaim, party));
        }
        await userManager.UpdateSecurityStampAsync(user);
        await accessLog.AppendAsync(new AccessEvent(AccessActions.UserChange) { Actor = admin, Target = $"user {user.Email} role {role}{PartyText(party)}" });
        return OperationResult.Ok($"{user.Email} is now {role}{PartyText(party)}.");
    }

    public async Task<OperationResult> LockAsync(string userId) =>
        await ChangeAsync(userId, AccessActions.UserLock, async u =>
        {
            await userManager.SetLockoutEndDateAsync(u, DateTimeOffset.MaxValue);
            await userManager.UpdateSecurityStampAsync(u);
            return $"{u.Email} is locked.";
        });

    public async Task<OperationResult> UnlockAsync(string userId) =>
        await ChangeAsync(userId, AccessActions.UserUnlock, async u =>
        {
            await userManager.SetLockoutEndDateAsync(u, null);
            await userManager.ResetAccessFailedCountAsync(u);
            u.FirstFailedSignInUtc = null;
            await userManager.UpdateAsync(u);
            return $"{u.Email} is unlocked.";
        });

    public async Task<OperationResult> ResetPasswordAsync(string userId, string newPassword)
    {
        if (InputRules.Problem(newPassword, "Password", 200) is { } problem)
        {
            await capabilities.RequireAsync(Policies.ManageUsers);
            return OperationResult.Fail(problem);
        }
        IdentityResult? failed = null;
        var result = await ChangeAsync(userId, AccessActions.PasswordReset, async u =>
        {
            // Checked before the log entry is written, so the entry only records resets that happen.
            foreach (var validator in userManager.PasswordValidators)
            {
                var check = await validator.ValidateAsync(userManager, u, newPassword);
                if (!check.Succeeded)
                {
                    failed = check;
                    return false;
                }
            }
            return true;
        }, async u =>
        {
            var token = await userManager.GeneratePasswordResetTokenAsync(u);
            var reset = await userManager.ResetPasswordAsync(u, token, newPassword);
            if (!reset.Succeeded)
            {
                failed = reset;
            }
            return $"The password of {u.Email} was reset.";
        });
        return failed is null ? result : OperationResult.Fail(failed);
    }

    private Task<OperationResult> ChangeAsync(string userId, string action, Func<PortalUser, Task<string>> change) =>
        ChangeAsync(userId, action, _ => Task.FromResult(true), change);

    /// <summary>The log entry is written before the change: if the log cannot be written, nothing changes.</summary>
    private async Task<OperationResult> ChangeAsync(string userId, string action, Func<PortalUser, Task<bool>> precheck, Func<PortalUser, Task<string>> change)
    {
        var admin = await capabilities.RequireAsync(Policies.ManageUsers);
        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return OperationResult.Fail("That account does not exist.");
        }
        if (!await precheck(user))
        {
            return OperationResult.Fail("The change was refused.");
        }
        await accessLog.AppendAsync(new AccessEvent(action) { Actor = admin, Target = $"user {user.Email}" });
        return OperationResult.Ok(await change(user));
    }

    private static string? ValidateRoleAndParty(string role, string? party)
    {
        if (!Roles.All.Contains(role))
        {
            return "Choose one of the portal's roles.";
        }
        if (role == Roles.Stakeholder && (party is null || !Parties.Contains(party)))
        {
            return "A stakeholder must belong to one of the signatory parties.";
        }
        if (role != Roles.Stakeholder && party is not null)
        {
            return "Only stakeholders belong to a signatory party.";
        }
        return null;
    }

    private static string PartyText(string? party) => party is null ? "" : $" ({party})";
}
