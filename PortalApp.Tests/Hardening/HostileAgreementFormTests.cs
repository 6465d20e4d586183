using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortalApp.Agreements;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hardening;

/// <summary>
/// The hostile corpus typed into the agreement forms (create; edit, amend, open a ballot) in Chromium: the other half of
/// <see cref="HostileFormTests"/>, on a portal of its own so the two run side by side.
/// </summary>
[Collection(HostileAgreementFormCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.StricterOnPostgres)]
public sealed class HostileAgreementFormTests(PortalHost host, BrowserFixture browser)
{
    private const string Admin = "admin@portal.local";

    private static async Task ReopenDialogAsync(IPage page, string opener)
    {
        var dialog = page.Locator(".mud-dialog");
        if (await dialog.CountAsync() > 0)
        {
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Assertions.Expect(dialog).ToHaveCountAsync(0);
        }
        try
        {
            await page.GetByTestId(opener).ClickAsync(new() { Timeout = 15000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = "/tmp/i7-opener-timeout.png" });
            Assert.Fail($"{opener} is not on the page: {(await page.Locator("body").InnerTextAsync())[..Math.Min(1500, (await page.Locator("body").InnerTextAsync()).Length)]}");
        }
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        try
        {
            await dialog.Locator("input:not([type=checkbox]), textarea").First.WaitForAsync();
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = "/tmp/i7-dialog-timeout.png" });
            Assert.Fail($"{opener}: the dialog did not show its fields: {await page.Locator("main").InnerTextAsync()}");
        }
        await page.WaitForTimeoutAsync(150);
    }

    [Fact]
    public async Task CreatingAnAgreementRefusesEveryHostileReferenceAndTitleWithAMessage()
    {
        await using var session = await HostileFormSession.OpenAsync(browser, host, Admin, "/agreements");
        var page = session.Page;
        var dialog = page.Locator(".mud-dialog");
        Task Before() => ReopenDialogAsync(page, "create-agreement");
        Task Save() => dialog.GetByTestId("agreement-save").ClickAsync();
        Task<string?> Newest() => session.ScalarAsync("SELECT Reference FROM Agreements ORDER BY Id DESC LIMIT 1");

        await session.TryAsync(HostileField.Text("new agreement: reference", dialog.GetByTestId("agreement-reference"), Save, Newest, Before));
        await session.TryAsync(HostileField.Text("new agreement: title", dialog.GetByLabel("Title"), Save, Newest, Before));

        Assert.Equal(30, session.Refused);
        Assert.All(session.Messages, m => Assert.Contains("Choose a primary official", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditingAmendingAndOpeningABallotStoreFreeTextVerbatimOrRefuseItWithAMessage()
    {
        // Made as an Admin makes one (with its amendment 0), from the demo's form under a new reference.
        int agreementId;
        await using (var scope = await host.ScopeAsAsync(Admin))
        {
            var agreements = scope.ServiceProvider.GetRequiredService<AgreementAdminService>();
            var form = (await agreements.FormForAsync(1))!;
            form.Reference = $"HOSTILE-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
            // An agency of its own: the demo agency already has its agreement in force.
            form.AgencyId = await TestAgencies.NewAsync(host, form.Reference);
            var (created, id) = await agreements.CreateAsync(form);
            Assert.True(created.Succeeded, created.Message);
            agreementId = id!.Value;
        }
        await using var session = await HostileFormSession.OpenAsync(browser, host, Admin, $"/agreements/{agreementId}");
        var page = session.Page;
        var dialog = page.Locator(".mud-dialog");
        Task Edit() => ReopenDialogAsync(page, "edit-agreement");
        Task SaveAgreement() => dialog.GetByTestId("agreement-save").ClickAsync();
        Task<string?> Column(string column) => session.ScalarAsync($"SELECT {column} FROM Agreements WHERE Id = {agreementId}");

        await session.TryAsync(HostileField.Text("edit: title", dialog.GetByLabel("Title"), SaveAgreement, () => Column("Title"), Edit));
        await session.TryAsync(HostileField.Text("edit: counterparty", dialog.GetByLabel("Counterparty agency"), SaveAgreement, () => Column("Counterparty"), Edit));
        await session.TryAsync(HostileField.Text("edit: counterparty address", dialog.GetByLabel("Counterparty address"), SaveAgreement, () => Column("CounterpartyAddress"), Edit));

        // The amendment's two fields, the other one valid each time; the schedule editor's first role switched each time.
        Task<string?> Amendment(string column) => session.ScalarAsync($"SELECT {column} FROM Amendments WHERE AgreementId = {agreementId} ORDER BY Number DESC LIMIT 1");
        Task SaveAmendment() => dialog.GetByTestId("amendment-save").ClickAsync();
        async Task Amend(string other, string valid)
        {
            await ReopenDialogAsync(page, "add-amendment");
            await dialog.GetByTestId(other).FillAsync(valid);
            await dialog.Locator("[data-testid^=schedule-role-]").First.ClickAsync(new() { Force = true });
        }
        await session.TryAsync(HostileField.Text("amendment: title", dialog.GetByTestId("amendment-title"), SaveAmendment, () => Amendment("Title"),
            () => Amend("amendment-summary", "Arrestees only.")));
        await session.TryAsync(HostileField.Text("amendment: summary", dialog.GetByTestId("amendment-summary"), SaveAmendment, () => Amendment("Summary"),
            () => Amend("amendment-title", "Schedule change")));

        await session.TryAsync(HostileField.Text("open ballot: term", dialog.GetByLabel("Term decided"), () => dialog.GetByTestId("open-ballot-save").ClickAsync(),
            () => session.ScalarAsync($"SELECT Term FROM Ballots WHERE AgreementId = {agreementId} ORDER BY Id DESC LIMIT 1"),
            async () =>
            {
                // An opened ballot shows its own page: come back to the agreement for the next value.
                if (!page.Url.EndsWith($"/agreements/{agreementId}", StringComparison.Ordinal))
                {
                    await Interactive.GotoAsync(page, $"{host.BaseUrl}/agreements/{agreementId}");
                }
                await ReopenDialogAsync(page, "open-ballot");
            }));

        Assert.True(session.Stored > 10 && session.Refused > 10, $"stored {session.Stored}, refused {session.Refused}");
    }
}
