using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;

namespace PortalApp.Users;

public sealed partial class UserAdminService
{
    /// <summary>Sets the role with its party (a stakeholder's) or agency (a liaison's); the account's sessions end.</summary>
    public async Task<OperationResult> SetRoleAsync(string userId, string role, string? party, int? agencyId = null, CancellationToken ct = default)
    {
        var (agencyProblem, agency) = await AgencyAsync(role, agencyId, ct);
        if ((ValidateRoleAndParty(role, party) ?? agencyProblem) is { } problem)
        {
            await capabilities.RequireAsync(Policies.ManageUsers, ct: ct);
            return OperationResult.Fail(problem);
        }
        return await ChangeAsync(userId, AccessActions.UserChange,
            async u => role == Roles.Admin ? null : await LastAdminRefusalAsync(u, "demote", ct),
            async u =>
            {
                await userManager.RemoveFromRolesAsync(u, await userManager.GetRolesAsync(u));
                await userManager.AddToRoleAsync(u, role);
                var oldParty = (await userManager.GetClaimsAsync(u)).Where(c => c.Type == Roles.PartyClaim).ToList();
                await userManager.RemoveClaimsAsync(u, oldParty);
                if (party is not null)
                {
                    await userManager.AddClaimAsync(u, new Claim(Roles.PartyClaim, party));
                }
                u.AgencyId = agencyId;
                await userManager.UpdateAsync(u);
                await userManager.UpdateSecurityStampAsync(u);
                return OperationResult.Ok($"{u.Email} is now {RoleNames.Of(role)}{PartyText(party)}{agency}.");
            },
            u => $"user {u.Email} role {role}{PartyText(party)}{agency}", ct: ct);
    }

    public Task<OperationResult> LockAsync(string userId, CancellationToken ct = default) =>
        ChangeAsync(userId, AccessActions.UserLock, u => LastAdminRefusalAsync(u, "lock", ct), async u =>
        {
            await userManager.SetLockoutEnabledAsync(u, true);
            await userManager.SetLockoutEndDateAsync(u, DateTimeOffset.MaxValue);
            await userManager.UpdateSecurityStampAsync(u);
            return OperationResult.Ok($"{u.Email} is locked. Their open pages have closed.");
        }, ct: ct);

    public Task<OperationResult> UnlockAsync(string userId, CancellationToken ct = default) =>
        ChangeAsync(userId, AccessActions.UserUnlock, _ => Task.FromResult<string?>(null), async u =>
        {
            await userManager.SetLockoutEndDateAsync(u, null);
            await userManager.ResetAccessFailedCountAsync(u);
            await throttles.ReleaseAsync(u.Email ?? "", ct);
            return OperationResult.Ok($"{u.Email} is unlocked.");
        }, revokes: false, ct: ct);

    public async Task<OperationResult> ResetPasswordAsync(string userId, string newPassword, CancellationToken ct = default)
    {
        if (InputRules.Problem(newPassword, "Password", 200) is { } problem)
        {
            await capabilities.RequireAsync(Policies.ManageUsers, ct: ct);
            return OperationResult.Fail(problem);
        }
        // Checked before the log entry is written, so the entry only records resets that happen.
        return await ChangeAsync(userId, AccessActions.PasswordReset, async u =>
        {
            foreach (var validator in userManager.PasswordValidators)
            {
                var check = await validator.ValidateAsync(userManager, u, newPassword);
                if (!check.Succeeded)
                {
                    return OperationResult.Fail(check).Message;
                }
            }
            return null;
        }, async u =>
        {
            var token = await userManager.GeneratePasswordResetTokenAsync(u);
            var reset = await userManager.ResetPasswordAsync(u, token, newPassword);
            return reset.Succeeded ? OperationResult.Ok($"The password of {u.Email} was reset.") : OperationResult.Fail(reset);
        }, ct: ct);
    }

    /// <summary>Turns two-factor sign-in off and forgets the authenticator key; the person enrols again at next sign-in.</summary>
    public Task<OperationResult> ResetTwoFactorAsync(string userId, CancellationToken ct = default) =>
        ChangeAsync(userId, AccessActions.TwoFactorReset, _ => Task.FromResult<string?>(null), async u =>
        {
            await userManager.SetTwoFactorEnabledAsync(u, false);
            await userManager.ResetAuthenticatorKeyAsync(u);
            await userManager.UpdateSecurityStampAsync(u);
            return OperationResult.Ok($"Two-factor sign-in of {u.Email} was reset.");
        }, ct: ct);

    public Task<OperationResult> DeleteAsync(string userId, CancellationToken ct = default) =>
        ChangeAsync(userId, AccessActions.UserDelete,
            async u => await LastAdminRefusalAsync(u, "delete", ct) ?? await SeatRefusalAsync(u, ct),
            async u =>
            {
                var deleted = await userManager.DeleteAsync(u);
                return deleted.Succeeded ? OperationResult.Ok($"{u.Email} was deleted.") : OperationResult.Fail(deleted);
            }, ct: ct);
}
