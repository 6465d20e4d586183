using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Letters;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Letters;

namespace PortalApp.Tests.Agreements;

/// <summary>
/// The demo agreement (the liaison's) is decided for termination, its letter issued, and the clock moved past the
/// cut-off, so this class has a portal of its own.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AgreementLifecycleBrowserTests(AgreementLifecycleBrowserTests.Host host, BrowserFixture browser)
    : IClassFixture<AgreementLifecycleBrowserTests.Host>
{
    public sealed class Host : PortalHost;

    private const string Staff = "city@portal.local";
    private const string Liaison = "liaison@portal.local";

    [Fact]
    public async Task AfterTheLetterEveryPageSaysTerminatingAndAfterTheCutOffTerminatedAndTheLiaisonIsOfferedNoRecords()
    {
        var (agreementId, cutOffDate, letterNumber) = await TerminateTheDemoAgreementAsync();
        var terminating = $"Terminating on {cutOffDate:MMM d, yyyy}";

        var staff = await browser.NewMovingPageAsync();
        await SignIn.AsAsync(staff, host.BaseUrl, Staff);
        await staff.GotoAsync($"{host.BaseUrl}/agreements");
        var row = staff.Locator("tr", new PageLocatorOptions { Has = staff.GetByTestId($"agreement-{DemoAgreement.Reference}") });
        await Assertions.Expect(row.GetByTestId("agreement-status")).ToHaveTextAsync(terminating);
        await Assertions.Expect(row.GetByTestId("agreement-days-left")).ToHaveTextAsync("—");
        await Assertions.Expect(row.GetByTestId("agreement-ends")).ToHaveTextAsync(cutOffDate.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(staff.GetByTestId("agreements-grid")).Not.ToContainTextAsync("Under review");

        await staff.GotoAsync($"{host.BaseUrl}/agreements/{agreementId}");
        await Assertions.Expect(staff.GetByTestId("agreement-status")).ToHaveTextAsync(terminating);
        await Assertions.Expect(staff.GetByTestId("agreement-summary")).ToContainTextAsync($"under letter {letterNumber}");
        await Assertions.Expect(staff.GetByTestId("notice-countdown")).ToHaveCountAsync(0);
        await Assertions.Expect(staff.GetByText("Without a termination")).ToHaveCountAsync(0);

        await staff.GotoAsync($"{host.BaseUrl}/");
        await Assertions.Expect(staff.GetByTestId($"agreement-state-{DemoAgreement.Reference}")).ToContainTextAsync(terminating);
        await Assertions.Expect(staff.GetByTestId("deadline-reminders")).Not.ToContainTextAsync(DemoAgreement.Reference);
        await Assertions.Expect(staff.GetByText("Under review")).ToHaveCountAsync(0);
        await staff.Context.CloseAsync();

        var liaison = await browser.NewMovingPageAsync();
        await SignIn.AsAsync(liaison, host.BaseUrl, Liaison);
        var notice = $"Access ends on {cutOffDate:MMMM d, yyyy} under letter {letterNumber}.";
        await Assertions.Expect(liaison.GetByTestId("access-ends")).ToHaveTextAsync(notice);
        await Assertions.Expect(liaison.GetByTestId("entry-records")).ToBeVisibleAsync();
        await liaison.GotoAsync($"{host.BaseUrl}/records");
        await Assertions.Expect(liaison.GetByTestId("access-ends")).ToHaveTextAsync(notice);
        await liaison.Context.CloseAsync();

        host.Time.Advance(PortalTime.FromCity(cutOffDate, TimeOnly.MinValue) - host.Time.GetUtcNow() + TimeSpan.FromMinutes(1));

        staff = await browser.NewMovingPageAsync();
        await SignIn.AsAsync(staff, host.BaseUrl, Staff);
        await staff.GotoAsync($"{host.BaseUrl}/agreements");
        row = staff.Locator("tr", new PageLocatorOptions { Has = staff.GetByTestId($"agreement-{DemoAgreement.Reference}") });
        await Assertions.Expect(row.GetByTestId("agreement-status")).ToHaveTextAsync("Terminated");
        await staff.GotoAsync($"{host.BaseUrl}/agreements/{agreementId}");
        await Assertions.Expect(staff.GetByTestId("agreement-status")).ToHaveTextAsync("Terminated");
        await Assertions.Expect(staff.GetByTestId("notice-countdown")).ToHaveCountAsync(0);
        await staff.GotoAsync($"{host.BaseUrl}/");
        await Assertions.Expect(staff.GetByTestId($"agreement-state-{DemoAgreement.Reference}")).ToContainTextAsync("Terminated");
        await staff.Context.CloseAsync();

        liaison = await browser.NewMovingPageAsync();
        await SignIn.AsAsync(liaison, host.BaseUrl, Liaison);
        await Assertions.Expect(liaison.GetByTestId("dashboard-role")).ToBeVisibleAsync();
        await Assertions.Expect(liaison.GetByTestId("entry-records")).ToHaveCountAsync(0);
        await Assertions.Expect(liaison.GetByTestId("nav-records")).ToHaveCountAsync(0);
        await Assertions.Expect(liaison.GetByTestId("access-ends")).ToHaveCountAsync(0);
        await Assertions.Expect(liaison.GetByTestId("access-ended")).ToContainTextAsync($"Terminated on {cutOffDate:MMMM d, yyyy} under letter {letterNumber}");
        await liaison.GotoAsync($"{host.BaseUrl}/records");
        await Assertions.Expect(liaison.GetByTestId("records-refused")).ToContainTextAsync($"under letter {letterNumber}");
        await liaison.Context.CloseAsync();
    }

    /// <summary>Decides the demo ballot for termination and issues the letter, effective three days from today.</summary>
    private async Task<(int AgreementId, DateOnly CutOffDate, string LetterNumber)> TerminateTheDemoAgreementAsync()
    {
        int agreementId, ballotId;
        await using (var db = await LetterScenario.Db(host))
        {
            var ballot = await db.Ballots.Include(b => b.Decision).SingleAsync(b => b.Agreement!.Reference == DemoAgreement.Reference);
            ballot.Status = BallotStatus.Decided;
            ballot.Decision = new BallotDecision { Outcome = DecisionOutcome.Terminate, DecidedUtc = host.Time.GetUtcNow(), Tally = "Terminate 2, Renew 1" };
            await db.SaveChangesAsync();
            (agreementId, ballotId) = (ballot.AgreementId, ballot.Id);
        }
        var letterId = await LetterScenario.DraftAsync(host, ballotId);
        var effective = PortalTime.Today(host.Time).AddDays(3);
        await using (var scope = await host.ScopeAsAsync(LetterScenario.Solicitor))
        {
            var letters = scope.ServiceProvider.GetRequiredService<LetterService>();
            var detail = (await letters.GetAsync(letterId))!;
            Assert.True((await letters.UpdateDraftAsync(letterId, new LetterDraftEdit(detail.Row.Addressee, detail.Subject, detail.Body, effective))).Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<LetterIssuer>().IssueAsync(letterId)).Succeeded);
        }
        await using var check = await LetterScenario.Db(host);
        var number = (await check.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId)).Number!;
        return (agreementId, effective, number);
    }
}
