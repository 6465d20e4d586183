using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using PortalApp.AccessLogging;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Users;

namespace PortalApp.Tests.Hardening;

/// <summary>
/// Issue 19, item 5, in Production on a Kestrel host: failed sign-ins lock an address out of an account, never the
/// account itself, so an outsider cannot lock out the only Admin or the voters before a close; the attempts are
/// flagged for the Auditor. Addresses come through X-Forwarded-For, which the portal trusts from a loopback proxy only.
/// </summary>
[Collection(ProductionTwoFactorCollection.Name)]
public sealed class AddressLockoutTests(ProductionPortalHost host)
{
    private const string WrongPassword = "Wrong-password-1!";

    private static int lastAddress;

    /// <summary>A documentation address (TEST-NET-3) not used before in this run, so the per-address rate limit never joins two tests.</summary>
    private static string NewAddress() => $"203.0.113.{Interlocked.Increment(ref lastAddress)}";

    private async Task<HttpClient> FromAsync(string address)
    {
        var client = await SignIn.ClientAsync(host.BaseUrl, null);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>The password was accepted: signed in, or (for an enrolled account) sent on to its second factor.</summary>
    private static bool SignedIn(HttpResponseMessage answer) =>
        answer.StatusCode == HttpStatusCode.Redirect
        && answer.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)
            || c.StartsWith("Identity.TwoFactorUserId=", StringComparison.Ordinal));

    [Fact]
    public async Task FiveWrongPasswordsFromAnOutsiderLockOnlyTheirAddressOutOfTheOnlyAdmin()
    {
        const string admin = "admin@portal.local";
        var outsider = NewAddress();
        using var attacker = await FromAsync(outsider);
        for (var i = 0; i < SignInThrottles.Attempts; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignIn.PostLoginAsync(attacker, admin, WrongPassword)).StatusCode);
        }
        Assert.False(SignedIn(await SignIn.PostLoginAsync(attacker, admin, DemoAccounts.Password)), "the locked-out address signed in");

        using var owner = await FromAsync("198.51.100.20");
        Assert.True(SignedIn(await SignIn.PostLoginAsync(owner, admin, DemoAccounts.Password)), "the Admin could not sign in from their own address");

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var lockEntry = await db.AccessLog.AsNoTracking()
            .SingleAsync(e => e.UserName == admin && e.ClientAddress == outsider && e.Action == AccessActions.LockedOut && e.Flagged);
        Assert.Contains(outsider, lockEntry.FlagReason, StringComparison.Ordinal);
        Assert.Null((await db.Users.AsNoTracking().SingleAsync(u => u.Email == admin)).LockoutEnd);

        // An Admin's unlock (here the break-glass path's service) lets the address in again.
        Assert.Equal(1, await host.Services.GetRequiredService<SignInThrottles>().ReleaseAsync(admin));
        Assert.True(SignedIn(await SignIn.PostLoginAsync(attacker, admin, DemoAccounts.Password)));
    }

    [Fact]
    public async Task FailuresSpreadOverAddressesAgainstEveryVoterAreFlaggedAndEveryVoterStillSignsIn()
    {
        foreach (var voter in new[] { "city@portal.local", "da@portal.local", "courts@portal.local" })
        {
            var addresses = Enumerable.Range(0, SignInThrottles.SpreadAddresses).Select(_ => NewAddress()).ToList();
            foreach (var address in addresses)
            {
                using var attacker = await FromAsync(address);
                for (var i = 0; i < SignInThrottles.Attempts; i++)
                {
                    await SignIn.PostLoginAsync(attacker, voter, WrongPassword);
                }
            }

            using var owner = await FromAsync("198.51.100.30");
            Assert.True(SignedIn(await SignIn.PostLoginAsync(owner, voter, DemoAccounts.Password)), $"{voter} could not sign in");

            await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var flagged = await db.AccessLog.AsNoTracking()
                .Where(e => e.UserName == voter && e.Flagged && addresses.Contains(e.ClientAddress!))
                .Select(e => new { e.Action, e.FlagReason }).ToListAsync();
            Assert.Equal(addresses.Count, flagged.Count(e => e.Action == AccessActions.LockedOut));
            Assert.Contains(flagged, e => e.Action == AccessActions.SignInFailed
                && e.FlagReason!.Contains($"from {SignInThrottles.SpreadAddresses} addresses", StringComparison.Ordinal));
            await host.Services.GetRequiredService<SignInThrottles>().ReleaseAsync(voter);
        }
    }
}
