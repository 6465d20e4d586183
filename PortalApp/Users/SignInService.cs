using Microsoft.AspNetCore.Identity;
using Portal.Data.Entities;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using PortalApp.AccessLogging;

namespace PortalApp.Users;

/// <summary>
/// Password sign-in after the CJIS baseline, without handing outsiders a way to lock officials out: five failures
/// for one name from one address within the window lock that address out of that name until an Admin releases it
/// (<see cref="SignInThrottles"/>); the owner still signs in from anywhere else. Unknown names are throttled the same
/// way, so the answer never tells which accounts exist. Every attempt is logged; a lock, and failures for one name
/// from several addresses, are flagged for the Auditor.
/// </summary>
public sealed class SignInService(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    SignInThrottles throttles,
    ClientInfo client,
    AccessLog accessLog)
{
    public async Task<SignInResult> PasswordSignInAsync(string email, string password, bool remember, CancellationToken ct = default)
    {
        var address = client.Address ?? "unknown";
        var user = await userManager.FindByEmailAsync(email);
        var account = user is null ? null : await signInManager.CreateUserPrincipalAsync(user);
        var name = user?.Email ?? email;
        if (await throttles.IsLockedAsync(email, address, ct))
        {
            await accessLog.AppendAsync(new AccessEvent(AccessActions.LockedOut, AccessOutcomes.Refused)
                { Actor = account, UserName = name, Target = "password, from an address locked out of this account" }, ct);
            return SignInResult.LockedOut;
        }
        if (user is null)
        {
            await RecordFailureAsync(null, email, address, "unknown account", ct);
            return SignInResult.Failed;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false);
        if (result.Succeeded && await userManager.GetTwoFactorEnabledAsync(user))
        {
            // Succeeded without the code only because this browser holds the remembered-device cookie of an earlier
            // two-factor sign-in (checked against the current stamp): that sign-in counts as two-factor.
            await signInManager.SignInWithClaimsAsync(user, remember, [new System.Security.Claims.Claim("amr", "mfa")]);
        }
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttles.ClearAsync(email, address, ct);
        }
        if (result == SignInResult.Failed)
        {
            await RecordFailureAsync(account, name, address, "password", ct);
        }
        else
        {
            await RecordAsync(user, result, ct: ct);
        }
        return result;
    }

    public async Task RecordAsync(PortalUser user, SignInResult result, string method = "password", CancellationToken ct = default)
    {
        // Attributed to the account's role and party, so an auditor can filter sign-ins like any other access.
        var account = await signInManager.CreateUserPrincipalAsync(user);
        var entry = result.Succeeded ? new AccessEvent(AccessActions.SignIn)
            : result.RequiresTwoFactor ? new AccessEvent(AccessActions.SignIn, "two-factor-required")
            : result.IsLockedOut ? new AccessEvent(AccessActions.LockedOut, AccessOutcomes.Refused)
            : new AccessEvent(AccessActions.SignInFailed, AccessOutcomes.Failure);
        await accessLog.AppendAsync(entry with { Actor = account, UserName = user.Email, Target = method }, ct);
    }

    private async Task RecordFailureAsync(System.Security.Claims.ClaimsPrincipal? account, string name, string address, string target, CancellationToken ct)
    {
        var outcome = await throttles.RecordFailureAsync(name, address, ct);
        var entry = outcome.LockedNow
            ? new AccessEvent(AccessActions.LockedOut, AccessOutcomes.Refused)
            {
                Flagged = true,
                FlagReason = $"{SignInThrottles.Attempts} failed sign-ins from {address}: that address is locked out of this account until an Admin unlocks it; the account still signs in from elsewhere",
            }
            : new AccessEvent(AccessActions.SignInFailed, AccessOutcomes.Failure)
            {
                Flagged = outcome.Addresses >= SignInThrottles.SpreadAddresses,
                FlagReason = outcome.Addresses >= SignInThrottles.SpreadAddresses
                    ? $"failed sign-ins for this account from {outcome.Addresses} addresses within the lockout window"
                    : null,
            };
        await accessLog.AppendAsync(entry with { Actor = account, UserName = name, Target = target }, ct);
    }
}
