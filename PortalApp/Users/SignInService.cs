using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using PortalApp.Audit;
using PortalApp.Hosting;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace PortalApp.Users;

/// <summary>
/// Password sign-in after the CJIS baseline: five consecutive failures within the window lock the
/// account until an Admin releases it. Every attempt is logged.
/// </summary>
public sealed class SignInService(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    AccessLog accessLog,
    IOptions<PortalOptions> options,
    TimeProvider time)
{
    public async Task<SignInResult> PasswordSignInAsync(string email, string password, bool remember)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            await accessLog.AppendAsync(new AccessEvent(AccessActions.SignInFailed, AccessOutcomes.Failure) { UserName = email, Target = "unknown account" });
            return SignInResult.Failed;
        }

        await RestartWindowIfExpiredAsync(user);
        var result = await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded && await userManager.GetTwoFactorEnabledAsync(user))
        {
            // Succeeded without the code only because this browser holds the remembered-device cookie of an earlier
            // two-factor sign-in (checked against the current stamp): that sign-in counts as two-factor.
            await signInManager.SignInWithClaimsAsync(user, remember, [new System.Security.Claims.Claim("amr", "mfa")]);
        }
        await RecordAsync(user, result);
        return result;
    }

    public async Task RecordAsync(PortalUser user, SignInResult result, string method = "password")
    {
        // Attributed to the account's role and party, so an auditor can filter sign-ins like any other access.
        var account = await signInManager.CreateUserPrincipalAsync(user);
        if (result.Succeeded)
        {
            if (user.FirstFailedSignInUtc is not null)
            {
                user.FirstFailedSignInUtc = null;
                await userManager.UpdateAsync(user);
            }
            await accessLog.AppendAsync(new AccessEvent(AccessActions.SignIn) { Actor = account, UserName = user.Email, Target = method });
        }
        else if (result.RequiresTwoFactor)
        {
            await accessLog.AppendAsync(new AccessEvent(AccessActions.SignIn, "two-factor-required") { Actor = account, UserName = user.Email, Target = method });
        }
        else if (result.IsLockedOut)
        {
            await accessLog.AppendAsync(new AccessEvent(AccessActions.LockedOut, AccessOutcomes.Refused) { Actor = account, UserName = user.Email, Target = method, Flagged = true, FlagReason = "account locked after repeated failed sign-ins" });
        }
        else
        {
            user.FirstFailedSignInUtc ??= time.GetUtcNow();
            await userManager.UpdateAsync(user);
            await accessLog.AppendAsync(new AccessEvent(AccessActions.SignInFailed, AccessOutcomes.Failure) { Actor = account, UserName = user.Email, Target = method });
        }
    }

    private async Task RestartWindowIfExpiredAsync(PortalUser user)
    {
        var window = TimeSpan.FromMinutes(options.Value.LockoutWindowMinutes);
        if (user.FirstFailedSignInUtc is { } first && time.GetUtcNow() - first > window && !await userManager.IsLockedOutAsync(user))
        {
            user.FirstFailedSignInUtc = null;
            await userManager.ResetAccessFailedCountAsync(user);
        }
    }
}
