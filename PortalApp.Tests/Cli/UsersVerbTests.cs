using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Cli;
using PortalApp.Tests.Infrastructure;
using PortalApp.Users;

namespace PortalApp.Tests.Cli;

/// <summary>Issue 19, item 5: `users unlock EMAIL` releases a locked account without another Admin, and logs it.</summary>
public sealed class UsersVerbTests(UsersVerbTests.Host host) : IClassFixture<UsersVerbTests.Host>
{
    public sealed class Host : PortalHost;

    private async Task<PortalDbContext> DbAsync() =>
        await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    private async Task LockAsync(string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        user.AccessFailedCount = 4;
        await users.UpdateAsync(user);
        // And the address the tests sign in from locked out of it by failed sign-ins.
        var throttles = scope.ServiceProvider.GetRequiredService<SignInThrottles>();
        for (var i = 0; i < SignInThrottles.Attempts; i++)
        {
            await throttles.RecordFailureAsync(email, "127.0.0.1");
        }
        Assert.True(await throttles.IsLockedAsync(email, "127.0.0.1"));
    }

    [Fact]
    public async Task UnlockReleasesTheAccountResetsItsFailuresAndLogsTheCliAsTheActor()
    {
        const string email = "admin@portal.local";
        await LockAsync(email);

        Assert.Equal(0, await UsersVerb.RunAsync(host.Services, ["unlock", email]));

        await using var db = await DbAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
        Assert.False(await host.Services.GetRequiredService<SignInThrottles>().IsLockedAsync(email, "127.0.0.1"));
        var entry = await db.AccessLog.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal((AccessActions.UserUnlock, "cli", "cli", $"user {email}"), (entry.Action, entry.UserName, entry.Source, entry.Target));
        using var client = await SignIn.ClientAsync(host.BaseUrl, email);
    }

    [Fact]
    public async Task AnUnknownEmailExitsOneAndChangesNothing()
    {
        await LockAsync("clerk@portal.local");
        await using var before = await DbAsync();
        var entries = await before.AccessLog.CountAsync();
        var users = await before.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.LockoutEnd, u.AccessFailedCount, u.ConcurrencyStamp }).ToListAsync();

        Assert.Equal(1, await UsersVerb.RunAsync(host.Services, ["unlock", "nobody@portal.local"]));
        Assert.Equal(2, await UsersVerb.RunAsync(host.Services, ["unlock"]));

        await using var after = await DbAsync();
        Assert.Equal(entries, await after.AccessLog.CountAsync());
        Assert.Equal(users, await after.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.LockoutEnd, u.AccessFailedCount, u.ConcurrencyStamp }).ToListAsync());
    }
}
