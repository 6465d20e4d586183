using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Data;
using PortalApp.AccessLogging;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Reliability;

/// <summary>Kill -9 in the middle of a burst of logged actions; after a restart nothing acknowledged is lost.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task AKilledServerRestartsWithAnIntactDatabaseAChainThatVerifiesAndEveryAcknowledgedSignIn()
    {
        await using var portal = new PortalProcess();
        await portal.StartAsync();

        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            var email = DemoAccounts.All[i % DemoAccounts.All.Count].Email;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await SignIn.ClientAsync(portal.BaseUrl, null);
                    var response = await SignIn.PostLoginAsync(client, email, DemoAccounts.Password);
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        Interlocked.Increment(ref acknowledged);
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
            }
        })).ToArray();

        // Kill while sign-ins are still in flight, once enough have been acknowledged to make the check meaningful.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Volatile.Read(ref acknowledged) < 12 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        portal.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        Assert.True(acknowledged > 10, $"only {acknowledged} sign-ins were acknowledged before the kill");

        await portal.StartAsync();
        Assert.Equal("ok", await portal.IntegrityCheckAsync());

        IDbContextFactory<PortalDbContext> factory = new DirectContextFactory(portal.Database);
        var verification = await TestKeys.DemoVerifier(portal.Database).VerifyAsync();
        Assert.True(verification.Intact, verification.Message);

        await using var db = await factory.CreateDbContextAsync();
        var loggedSignIns = await db.AccessLog.CountAsync(e => e.Action == AccessActions.SignIn && e.Outcome == AccessOutcomes.Success);
        Assert.True(loggedSignIns >= acknowledged, $"{acknowledged} acknowledged sign-ins but {loggedSignIns} logged");
    }
}
