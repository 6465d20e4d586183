using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Ballots;
using PortalApp.Seeding;
using PortalApp.Tests.Authorization;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hardening;

/// <summary>
/// Issue 19, item 1: in Production, a role that needs two-factor and signed in with a password only is refused by
/// every endpoint and service, whatever the path looks like; only its own account pages (to enrol) stay open.
/// </summary>
[Collection(ProductionTwoFactorCollection.Name)]
public sealed class TwoFactorEverywhereTests(ProductionPortalHost host)
{
    [Fact]
    public async Task APasswordOnlyStakeholderCannotDownloadTheRecordsExport()
    {
        using var city = await SignIn.ClientAsync(host.BaseUrl, "city@portal.local");
        var export = await city.GetAsync("/records/export.csv");
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
        Assert.DoesNotContain("text/csv", export.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task APasswordOnlyAdminCannotDownloadTheAuditExportOrTheOversightReport()
    {
        using var admin = await SignIn.ClientAsync(host.BaseUrl, "admin@portal.local");
        foreach (var path in new[] { "/audit/export.csv", "/audit/report.pdf" })
        {
            var answer = await admin.GetAsync(path);
            Assert.True(answer.StatusCode != HttpStatusCode.OK, $"{path}: {(int)answer.StatusCode}");
        }
    }

    [Fact]
    public async Task APasswordOnlyClerkCannotDownloadTheRecordsExportButAnAuditorWhoseRoleNeedsNoSecondFactorReadsTheLog()
    {
        using var clerk = await SignIn.ClientAsync(host.BaseUrl, "clerk@portal.local");
        var export = await clerk.GetAsync("/records/export.csv");
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);

        using var auditor = await SignIn.ClientAsync(host.BaseUrl, "auditor@portal.local");
        var log = await auditor.GetAsync("/audit/export.csv");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Equal("text/csv", log.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task APasswordOnlyStakeholderIsSentToEnrolAndCanReachTheAccountPages()
    {
        using var city = await SignIn.ClientAsync(host.BaseUrl, "city@portal.local");
        var home = await city.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Manage/EnableAuthenticator", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var path in new[] { "/Account/Manage/EnableAuthenticator?required=true", "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/ChangePassword" })
        {
            Assert.Equal(HttpStatusCode.OK, (await city.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task APasswordOnlyStakeholderCannotCastAVoteThroughAServiceCall()
    {
        var ballotId = await DemoBallotIdAsync();
        await using var scope = await host.ScopeAsAsync("city@portal.local");
        var result = await scope.ServiceProvider.GetRequiredService<BallotService>()
            .CastVoteAsync(new VoteRequest(ballotId, Party.City, VoteChoice.Terminate, "Cast with a password only."));
        Assert.False(result.Succeeded, result.Message);
        Assert.Equal(0, await VotesAsync(ballotId, Party.City));
    }

    [Fact]
    public async Task AStakeholderSignedInWithTwoFactorsVotesThroughTheService()
    {
        var ballotId = await DemoBallotIdAsync();
        await using var scope = await ScopeWithTwoFactorsAsync("da@portal.local");
        var result = await scope.ServiceProvider.GetRequiredService<BallotService>()
            .CastVoteAsync(new VoteRequest(ballotId, Party.DistrictAttorney, VoteChoice.Abstain, "Cast after two factors."));
        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task AfterEnrollingTheStakeholderDownloadsTheExportAndStillDoesAfterTheStampIsRevalidated()
    {
        using var courts = await SignIn.ClientAsync(host.BaseUrl, "courts@portal.local");
        Assert.NotEqual(HttpStatusCode.OK, (await courts.GetAsync("/records/export.csv")).StatusCode);
        Assert.Contains("recovery codes", await TwoFactorEnrolment.EnrolAsync(courts), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await courts.GetAsync("/records/export.csv")).StatusCode);
        // Past Identity's stamp validation interval the principal is rebuilt from the database; the two-factor mark stays.
        host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await courts.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await courts.GetAsync("/records/export.csv")).StatusCode);
    }

    private async Task<int> DemoBallotIdAsync()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Ballots.Where(b => b.Agreement!.Reference == DemoAgreement.Reference).Select(b => b.Id).SingleAsync();
    }

    private async Task<int> VotesAsync(int ballotId, Party party)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Votes.CountAsync(v => v.BallotId == ballotId && v.Party == party);
    }

    /// <summary>A scope as <paramref name="email"/> after a two-factor sign-in (Identity marks it with amr=mfa).</summary>
    private async Task<AsyncServiceScope> ScopeWithTwoFactorsAsync(string email)
    {
        var scope = host.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user!);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", "mfa"));
        var authState = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authState.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }
}
