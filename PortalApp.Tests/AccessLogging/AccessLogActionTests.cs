using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Audit;
using PortalApp.Authorization;
using PortalApp.Seeding;
using PortalApp.Tests.Audit;
using PortalApp.Tests.Infrastructure;
using PortalApp.Users;

namespace PortalApp.Tests.AccessLogging;

/// <summary>Each action that exists today writes exactly one entry, driven through the real services and endpoints.</summary>
[Collection(AppCollection.Name)]
public sealed class AccessLogActionTests(PortalHost host)
{
    [Fact]
    public async Task SigningInWritesOneEntryWithTheAccountsRole()
    {
        var entry = await AccessLogProbe.SingleEntryOfAsync(host.Services, () => SignIn.ClientAsync(host.BaseUrl, "clerk@portal.local"));

        Assert.Equal((AccessActions.SignIn, AccessOutcomes.Success, "clerk@portal.local", Roles.Clerk), (entry.Action, entry.Outcome, entry.UserName, entry.Role));
        Assert.NotNull(entry.ClientAddress);
    }

    [Fact]
    public async Task AFailedSignInWritesOneEntry()
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, null);
        var entry = await AccessLogProbe.SingleEntryOfAsync(host.Services, () => SignIn.PostLoginAsync(client, "courts@portal.local", "not-the-password"));

        Assert.Equal((AccessActions.SignInFailed, AccessOutcomes.Failure, "courts@portal.local"), (entry.Action, entry.Outcome, entry.UserName));
        Assert.False(entry.Flagged);
    }

    [Fact]
    public async Task SigningOutWritesOneEntry()
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, "da@portal.local");
        // Any of the user's antiforgery tokens will do; the static change-password form carries one.
        var form = await client.GetStringAsync("/Account/Manage/ChangePassword");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var entry = await AccessLogProbe.SingleEntryOfAsync(host.Services, async () =>
        {
            var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["ReturnUrl"] = "" }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        });

        Assert.Equal((AccessActions.SignOut, "da@portal.local", Roles.Stakeholder, "DistrictAttorney"), (entry.Action, entry.UserName, entry.Role, entry.PartyOrAgency));
    }

    [Fact]
    public async Task CreatingLockingUnlockingAndResettingAUserEachWriteOneEntry()
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var admin = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var email = $"clerk-{Guid.NewGuid():N}@portal.local";

        var created = await AccessLogProbe.SingleEntryOfAsync(host.Services, async () =>
            Assert.True((await admin.CreateAsync(new NewUser(email, "Temp clerk", Roles.Clerk, null, DemoAccounts.Password))).Succeeded));
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!.Id;
        var locked = await AccessLogProbe.SingleEntryOfAsync(host.Services, async () => Assert.True((await admin.LockAsync(id)).Succeeded));
        var unlocked = await AccessLogProbe.SingleEntryOfAsync(host.Services, async () => Assert.True((await admin.UnlockAsync(id)).Succeeded));
        var reset = await AccessLogProbe.SingleEntryOfAsync(host.Services, async () => Assert.True((await admin.ResetPasswordAsync(id, "Another-long-pass-2026!")).Succeeded));

        Assert.Equal([AccessActions.UserCreate, AccessActions.UserLock, AccessActions.UserUnlock, AccessActions.PasswordReset], new[] { created, locked, unlocked, reset }.Select(e => e.Action));
        Assert.All(new[] { created, locked, unlocked, reset }, e => Assert.Equal(("admin@portal.local", Roles.Admin), (e.UserName, e.Role)));
        Assert.All(new[] { locked, unlocked, reset }, e => Assert.Equal($"user {email}", e.Target));
    }

    [Fact]
    public async Task ARefusedPasswordResetWritesNothing()
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("courts@portal.local"))!.Id;
        var before = await AccessLogProbe.LastIdAsync(host.Services);

        var result = await scope.ServiceProvider.GetRequiredService<UserAdminService>().ResetPasswordAsync(id, "short");

        Assert.False(result.Succeeded);
        Assert.Empty(await AccessLogProbe.SinceAsync(host.Services, before));
    }

    [Fact]
    public async Task ReadingTheLogWritesOneEntryPerDistinctQuery()
    {
        await using var scope = await host.ScopeAsAsync("auditor@portal.local");
        var reader = scope.ServiceProvider.GetRequiredService<AccessLogReader>();
        var filter = new AuditFilter { Action = AccessActions.SignIn };

        var read = await AccessLogProbe.SingleEntryOfAsync(host.Services, () => reader.SearchAsync(filter, 0, 25));
        var before = await AccessLogProbe.LastIdAsync(host.Services);
        await reader.SearchAsync(filter, 1, 25);

        Assert.Equal((AccessActions.AuditRead, "access log", "action=sign-in", Roles.Auditor), (read.Action, read.Target, read.Filters, read.Role));
        Assert.Empty(await AccessLogProbe.SinceAsync(host.Services, before));
    }

    [Fact]
    public async Task OnlyThoseWhoMayReadTheLogCanReadIt()
    {
        await using var scope = await host.ScopeAsAsync("liaison@portal.local");
        await Assert.ThrowsAsync<CapabilityDeniedException>(() => scope.ServiceProvider.GetRequiredService<AccessLogReader>().SearchAsync(new AuditFilter(), 0, 25));
        using var liaison = await SignIn.ClientAsync(host.BaseUrl, "liaison@portal.local");
        var csv = await liaison.GetAsync("/audit/export.csv");
        Assert.NotEqual(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task AcknowledgingAFlagWritesOneEntryAndStoresTheComment()
    {
        var flagged = await FlaggedEntries.AsLiaisonAsync(host, $"place-of-birth search {Guid.NewGuid():N}");
        await using var scope = await host.ScopeAsAsync("auditor@portal.local");
        var queue = scope.ServiceProvider.GetRequiredService<FlagReviewQueue>();

        var entry = await AccessLogProbe.SingleEntryOfAsync(host.Services, async () =>
            Assert.True((await queue.AcknowledgeAsync(flagged.Id, "Checked with the agency; case number on file.")).Succeeded));

        Assert.Equal((AccessActions.FlagReview, $"entry {flagged.Id}", "auditor@portal.local"), (entry.Action, entry.Target, entry.UserName));
        var detail = await scope.ServiceProvider.GetRequiredService<AccessLogReader>().GetAsync(flagged.Id);
        Assert.Equal("Checked with the agency; case number on file.", detail!.Review!.Comment);
        Assert.DoesNotContain(await queue.PendingAsync(), p => p.EntryId == flagged.Id);
        Assert.False((await queue.AcknowledgeAsync(flagged.Id, "Again, twice.")).Succeeded);
    }

    [Fact]
    public async Task AFlagNeedsACommentAndAnAdminCannotAcknowledgeIt()
    {
        var flagged = await FlaggedEntries.AsLiaisonAsync(host, "no case number stated");
        await using var auditor = await host.ScopeAsAsync("auditor@portal.local");
        var before = await AccessLogProbe.LastIdAsync(host.Services);

        var empty = await auditor.ServiceProvider.GetRequiredService<FlagReviewQueue>().AcknowledgeAsync(flagged.Id, "  ");

        Assert.False(empty.Succeeded);
        Assert.Empty(await AccessLogProbe.SinceAsync(host.Services, before));
        await using var admin = await host.ScopeAsAsync("admin@portal.local");
        await Assert.ThrowsAsync<CapabilityDeniedException>(() => admin.ServiceProvider.GetRequiredService<FlagReviewQueue>().AcknowledgeAsync(flagged.Id, "Looks fine to me."));
    }

    [Fact]
    public async Task ExportingTheLogAsCsvWritesOneEntryAndEscapesFormulas()
    {
        await FlaggedEntries.AsLiaisonAsync(host, "=HYPERLINK(\"http://evil\")");
        using var auditor = await SignIn.ClientAsync(host.BaseUrl, "auditor@portal.local");

        string csv = "";
        var entry = await AccessLogProbe.SingleEntryOfAsync(host.Services, async () => csv = await auditor.GetStringAsync("/audit/export.csv?flagged=true"));

        Assert.Equal((AccessActions.Export, "access log CSV", "flagged=yes"), (entry.Action, entry.Target, entry.Filters));
        Assert.StartsWith("Id,AtUtc,UserName,Role,PartyOrAgency,Action", csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
    }
}
