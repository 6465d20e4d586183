using Microsoft.AspNetCore.Identity;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Users;

namespace PortalApp.Cli;

/// <summary>
/// `users unlock EMAIL`: the break-glass release of a locked account, for when no other Admin can sign in to do it.
/// Whoever can run the program on the server can already reach the database; this way the release is logged.
/// </summary>
public static class UsersVerb
{
    public const string Actor = "cli";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args is not ["unlock", var email])
        {
            await Console.Error.WriteLineAsync("usage: users unlock EMAIL");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"users unlock: there is no account with the email \"{email}\"; nothing was changed.");
            return 1;
        }
        // Logged before the change, as the Admin page does: if the log cannot be written, nothing changes.
        await scope.ServiceProvider.GetRequiredService<AccessLog>().AppendAsync(
            new AccessEvent(AccessActions.UserUnlock) { UserName = Actor, Source = Actor, Target = $"user {user.Email}" });
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        var addresses = await scope.ServiceProvider.GetRequiredService<SignInThrottles>().ReleaseAsync(user.Email ?? email);
        Console.WriteLine($"users unlock: {user.Email} is unlocked and its failed sign-ins are reset ({addresses} locked-out address(es) released).");
        return 0;
    }
}
