using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data.Entities;
using PortalApp.Agreements;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Ballots;

/// <summary>In Chromium: an Admin puts a widening amendment to the parties, and two officials adopt it on the live ballot page.</summary>
[Collection(BallotCollection.Name)]
public sealed class AdoptionBallotBrowserTests(BallotHost host, BrowserFixture browser)
{
    private async Task<IPage> SignedInAsync(string email, string path)
    {
        var page = await browser.NewPageAsync();
        await SignIn.ToAsync(page, host.BaseUrl, email, path);
        return page;
    }

    private static async Task AdoptAsync(IPage page, string rationale)
    {
        var panel = page.GetByTestId("vote-panel");
        await panel.GetByText("Adopt the amendment").ClickAsync();
        await panel.Locator("textarea").FillAsync(rationale);
        await panel.GetByTestId("cast-vote").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Cast Adopt for the");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cast vote" }).ClickAsync();
    }

    [Fact]
    public async Task TheAdminPutsAWideningToTheVoteAndTwoOfficialsAdoptItLiveSeeingWhatItWouldReveal()
    {
        var agreementId = await host.NewAgreementAsync(400);
        await using (var scope = await host.ScopeAsAsync("admin@portal.local"))
        {
            var agreements = scope.ServiceProvider.GetRequiredService<AgreementAdminService>();
            var form = (await agreements.AmendmentFormForAsync(agreementId))!;
            form.Title = "Victims visible";
            form.Summary = "The agency sees victims.";
            form.VisibleRoles.Add(InvolvementRole.Victim);
            Assert.True((await agreements.AddAmendmentAsync(agreementId, form)).Succeeded);
        }

        var admin = await SignedInAsync("admin@portal.local", $"/agreements/{agreementId}");
        await Assertions.Expect(admin.GetByTestId("amendment-adoption-1")).ToContainTextAsync("Awaiting adoption: no ballot has been opened on it.");
        await admin.GetByTestId("open-adoption-ballot-1").ClickAsync();
        var dialog = admin.GetByTestId("open-adoption-ballot-dialog");
        await Assertions.Expect(dialog.GetByTestId("adoption-question")).ToHaveTextAsync("Adopt amendment 1: Victims visible");
        await Assertions.Expect(dialog.GetByTestId("amendment-reveals-1")).ToContainTextAsync("Victims would become visible to the agency.");
        await admin.Locator(".mud-dialog").GetByTestId("open-adoption-ballot-save").ClickAsync();
        await admin.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/ballots/\d+$"));
        var ballotId = int.Parse(admin.Url[(admin.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync($"Adopt amendment 1: {await ReferenceAsync(agreementId)}");

        var city = await SignedInAsync("city@portal.local", $"/ballots/{ballotId}");
        var da = await SignedInAsync("da@portal.local", $"/ballots/{ballotId}");
        foreach (var page in new[] { city, da })
        {
            await Assertions.Expect(page.GetByTestId("ballot-reveals")).ToContainTextAsync("Victims would become visible to the agency.");
            await Assertions.Expect(page.GetByTestId("ballot-progress")).ToContainTextAsync("Adopt votes: 0 of 2");
        }
        await Assertions.Expect(city.GetByTestId("vote-panel").GetByText("Renew for a new term")).ToHaveCountAsync(0);

        await AdoptAsync(city, "Victims asked for their cases to be followed.");
        await Assertions.Expect(city.GetByTestId("vote-accepted")).ToContainTextAsync("Your vote was recorded.");
        await Assertions.Expect(da.GetByTestId("seat-vote-City")).ToContainTextAsync("Adopt", new() { Timeout = 2000 });
        await Assertions.Expect(da.GetByTestId("ballot-progress")).ToContainTextAsync("Adopt votes: 1 of 2");

        await AdoptAsync(da, "The parties agreed the victims' schedule in committee.");
        foreach (var page in new[] { city, da, admin })
        {
            await Assertions.Expect(page.GetByTestId("ballot-decision")).ToContainTextAsync("Decided: Adopted", new() { Timeout = 2000 });
        }
        await Assertions.Expect(city.GetByTestId("vote-panel")).ToHaveCountAsync(0);

        await Interactive.GotoAsync(admin, $"{host.BaseUrl}/agreements/{agreementId}");
        await Assertions.Expect(admin.GetByTestId("amendment-adoption-1")).ToContainTextAsync($"Adopted by ballot {ballotId} on ");
        await Assertions.Expect(admin.GetByTestId($"ballot-outcome-{ballotId}")).ToHaveTextAsync("Decided: Adopted");
        await Assertions.Expect(admin.GetByTestId("open-adoption-ballot-1")).ToHaveCountAsync(0);

        foreach (var page in new[] { city, da, admin })
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<string> ReferenceAsync(int agreementId)
    {
        await using var db = await host.CreateDbAsync();
        return await db.Agreements.Where(a => a.Id == agreementId).Select(a => a.Reference).SingleAsync();
    }
}
