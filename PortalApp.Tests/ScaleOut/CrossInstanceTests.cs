using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Live;
using PortalApp.ScaleOut;
using PortalApp.Seeding;
using PortalApp.Terms;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.ScaleOut;

/// <summary>Two instances on one PostgreSQL database behave as one portal.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.AlwaysPostgres)]
public sealed class CrossInstanceTests(TwoInstances portal, BrowserFixture browser)
{
    private PortalDbContext Db() => PortalDatabase.Create(portal.Database.Provider, portal.Database.ConnectionString);

    [Fact]
    public async Task AVoteCastOnInstanceAAppearsOnAnOpenBallotPageOnInstanceBWithoutReload()
    {
        var watcher = await browser.NewPageAsync();
        await SignIn.ToAsync(watcher, portal.B.BaseUrl, "da@portal.local", "/ballots/1");
        await Assertions.Expect(watcher.GetByTestId("seat-vote-City")).Not.ToContainTextAsync("Terminate");
        var watcherUrl = watcher.Url;

        var voter = await browser.NewPageAsync();
        await SignIn.ToAsync(voter, portal.A.BaseUrl, "city@portal.local", "/ballots/1");
        var panel = voter.GetByTestId("vote-panel");
        await panel.GetByText("Terminate the agreement").ClickAsync();
        await panel.Locator("textarea").FillAsync("Cast on instance A.");
        await panel.GetByTestId("cast-vote").ClickAsync();
        await voter.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cast vote" }).ClickAsync();
        await Assertions.Expect(voter.GetByTestId("vote-accepted")).ToBeVisibleAsync();

        await Assertions.Expect(watcher.GetByTestId("seat-vote-City")).ToContainTextAsync("Terminate", new() { Timeout = 2000 });
        await Assertions.Expect(watcher.GetByTestId("ballot-progress")).ToContainTextAsync("1 of 2", new() { Timeout = 2000 });
        Assert.Equal(watcherUrl, watcher.Url);
        await voter.Context.CloseAsync();
        await watcher.Context.CloseAsync();
    }

    [Fact]
    public async Task ASignInFormFromOneInstancePostsToTheOtherAndItsCookieIsAcceptedByTheFirst()
    {
        // One cookie jar for both: cookies belong to the host, not the port, as behind one load balancer.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var form = await client.GetStringAsync($"{portal.B.BaseUrl}/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        // A reads B's antiforgery cookie and token, and issues the sign-in cookie ...
        var signIn = await client.PostAsync($"{portal.A.BaseUrl}/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "auditor@portal.local",
            ["Input.Password"] = DemoAccounts.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // ... which B accepts.
        var export = await client.GetAsync($"{portal.B.BaseUrl}/audit/export.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ConcurrentAppendsFromBothInstancesKeepTheChainVerifiable()
    {
        long before;
        await using (var db = Db())
        {
            before = await db.AccessLog.LongCountAsync();
        }
        const int PerInstance = 40;
        // Failed sign-ins of an unknown account: each is one log entry written by the instance that received it.
        var attempts = new[] { portal.A, portal.B }.SelectMany(instance => Enumerable.Range(0, PerInstance).Select(async i =>
        {
            using var client = await SignIn.ClientAsync(instance.BaseUrl, null);
            var response = await SignIn.PostLoginAsync(client, $"nobody{i}@portal.local", "wrong-password-123");
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        }));
        await Task.WhenAll(attempts);

        var verification = await TestKeys.DemoVerifier(portal.Database).VerifyAsync();
        Assert.True(verification.Intact, verification.Message);
        await using var after = Db();
        Assert.True(await after.AccessLog.LongCountAsync() >= before + 2 * PerInstance);
        var ids = await after.AccessLog.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task ABallotsClosingIsAppliedOnceAlthoughBothInstancesWatchTheClock()
    {
        var ballotId = await BallotClosingSoonAsync(TimeSpan.FromSeconds(3));
        // Both instances hear that a ballot opened (as if opened on a third instance) and schedule its closing.
        await NotifyAsync(new BallotChange(BallotChangeKind.Opened, 0, ballotId));

        await using var db = Db();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await db.BallotDecisions.AnyAsync(d => d.BallotId == ballotId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a second application, were there one

        Assert.Equal(1, await db.BallotDecisions.CountAsync(d => d.BallotId == ballotId && d.ByDefault));
        Assert.Equal(1, await db.AccessLog.CountAsync(e => e.Action == AccessActions.Decision && e.Target == $"ballot:{ballotId}"));
        var agreementId = await db.Ballots.Where(b => b.Id == ballotId).Select(b => b.AgreementId).SingleAsync();
        Assert.Equal(1, await db.AgreementEvents.CountAsync(e => e.AgreementId == agreementId && e.Kind == PortalApp.Terms.AgreementTimeline.Decision));
    }

    private async Task<int> BallotClosingSoonAsync(TimeSpan closesIn)
    {
        await using var db = Db();
        var now = DateTimeOffset.UtcNow;
        var ballot = await Letters.LetterScenario.BallotOnNewAgreementAsync(db, "SCALE", AgreementStatus.UnderReview, now,
            DateOnly.FromDateTime(now.UtcDateTime), b => b.ClosesUtc = now + closesIn);
        return ballot.Id;
    }

    private async Task NotifyAsync(BallotChange change)
    {
        await using var connection = (NpgsqlConnection)portal.Database.OpenDirect();
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        command.Parameters.AddWithValue("channel", PostgresChangeBridge.Channel);
        command.Parameters.AddWithValue("payload", System.Text.Json.JsonSerializer.Serialize(new { Origin = "test", Change = change, WakeTerminations = false }));
        await command.ExecuteNonQueryAsync();
    }
}
