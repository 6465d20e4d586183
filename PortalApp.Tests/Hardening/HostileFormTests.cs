using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortalApp.Agreements;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Letters;

namespace PortalApp.Tests.Hardening;

/// <summary>
/// The hostile corpus typed into every free-text field of the portal's forms in Chromium, one page session per form
/// (see <see cref="HostileFormSession"/> for what is checked after each value).
/// </summary>
[Collection(HostileFormCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.StricterOnPostgres)]
public sealed class HostileFormTests(PortalHost host, BrowserFixture browser)
{
    private const string Admin = "admin@portal.local";

    private static HostileField Text(IPage page, string name, ILocator input, Func<Task> submit, Func<Task<string?>> stored, Func<Task>? before = null) =>
        new(name, v => input.FillAsync(v), () => input.InputValueAsync(), submit, stored, before);

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

        await session.TryAsync(Text(page, "new agreement: reference", dialog.GetByTestId("agreement-reference"), Save, Newest, Before));
        await session.TryAsync(Text(page, "new agreement: title", dialog.GetByLabel("Title"), Save, Newest, Before));

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

        await session.TryAsync(Text(page, "edit: title", dialog.GetByLabel("Title"), SaveAgreement, () => Column("Title"), Edit));
        await session.TryAsync(Text(page, "edit: counterparty", dialog.GetByLabel("Counterparty agency"), SaveAgreement, () => Column("Counterparty"), Edit));
        await session.TryAsync(Text(page, "edit: counterparty address", dialog.GetByLabel("Counterparty address"), SaveAgreement, () => Column("CounterpartyAddress"), Edit));

        // The amendment's two fields, the other one valid each time; the schedule editor's first role switched each time.
        Task<string?> Amendment(string column) => session.ScalarAsync($"SELECT {column} FROM Amendments WHERE AgreementId = {agreementId} ORDER BY Number DESC LIMIT 1");
        Task SaveAmendment() => dialog.GetByTestId("amendment-save").ClickAsync();
        async Task Amend(string other, string valid)
        {
            await ReopenDialogAsync(page, "add-amendment");
            await dialog.GetByTestId(other).FillAsync(valid);
            await dialog.Locator("[data-testid^=schedule-role-]").First.ClickAsync(new() { Force = true });
        }
        await session.TryAsync(Text(page, "amendment: title", dialog.GetByTestId("amendment-title"), SaveAmendment, () => Amendment("Title"),
            () => Amend("amendment-summary", "Arrestees only.")));
        await session.TryAsync(Text(page, "amendment: summary", dialog.GetByTestId("amendment-summary"), SaveAmendment, () => Amendment("Summary"),
            () => Amend("amendment-title", "Schedule change")));

        await session.TryAsync(Text(page, "open ballot: term", dialog.GetByLabel("Term decided"), () => dialog.GetByTestId("open-ballot-save").ClickAsync(),
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

    [Fact]
    public async Task AVoteRationaleIsStoredVerbatimOrRefusedWithAMessage()
    {
        var (_, ballotId) = await LetterScenario.OpenBallotAsync(host);
        await using var session = await HostileFormSession.OpenAsync(browser, host, "city@portal.local", $"/ballots/{ballotId}");
        var page = session.Page;
        var panel = page.GetByTestId("vote-panel");
        var turn = 0;
        async Task Cast()
        {
            await panel.GetByTestId("cast-vote").ClickAsync();
            var confirm = page.Locator(".mud-dialog");
            await Assertions.Expect(confirm).ToContainTextAsync("Confirm your vote");
            await confirm.GetByRole(AriaRole.Button, new() { Name = "Cast vote" }).ClickAsync();
        }
        // Renew and Abstain in turn: no decision is taken, so every value meets an open ballot.
        Task Choose() => panel.GetByTestId("vote-choice").GetByText(turn++ % 2 == 0 ? "Renew for a new term" : "Abstain").ClickAsync();

        await session.TryAsync(Text(page, "vote rationale", panel.Locator("textarea"), Cast,
            () => session.ScalarAsync($"SELECT Rationale FROM Votes WHERE BallotId = {ballotId} AND Party = 'City' AND IsCurrent"), Choose)
            with { SubmitButton = panel.GetByTestId("cast-vote") });

        Assert.True(session.Stored > 5 && session.Refused > 2, $"stored {session.Stored}, refused {session.Refused}");
    }

    [Fact]
    public async Task AMaskingPolicyNoteIsStoredVerbatimOrRefusedWithAMessage()
    {
        await using var session = await HostileFormSession.OpenAsync(browser, host, Admin, "/admin/masking");
        var page = session.Page;
        var toggle = page.GetByTestId("row-Stakeholder-Witness");
        await toggle.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var storedAtToggle = -1;
        // A change is needed for a save: switch one row rule whenever the last value was saved (or at the start).
        async Task Change()
        {
            if (session.Stored != storedAtToggle)
            {
                await toggle.ClickAsync(new() { Force = true });
                storedAtToggle = session.Stored;
            }
        }
        try
        {
            await session.TryAsync(Text(page, "masking note", page.GetByTestId("policy-note"), () => page.GetByTestId("policy-save").ClickAsync(),
                () => session.ScalarAsync("SELECT Note FROM MaskingPolicyVersions ORDER BY Version DESC LIMIT 1"), Change));
            Assert.True(session.Stored > 5 && session.Refused > 2, $"stored {session.Stored}, refused {session.Refused}");
        }
        finally
        {
            if (session.Stored % 2 == 1)
            {
                // Put the row rule back as it was for the other tests of this portal.
                await Interactive.GotoAsync(page, host.BaseUrl + "/admin/masking");
                await toggle.ClickAsync(new() { Force = true });
                await page.GetByTestId("policy-note").FillAsync("Restore after the hostile-input test");
                await page.GetByTestId("policy-save").ClickAsync();
                await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("is in force");
            }
        }
    }

    [Fact]
    public async Task LetterDraftFieldsAndTheResponseSummaryAreStoredVerbatimOrRefusedWithAMessage()
    {
        var (_, ballotId) = await LetterScenario.DecidedAgreementAsync(host);
        var draftId = await LetterScenario.DraftAsync(host, ballotId);
        await using (var session = await HostileFormSession.OpenAsync(browser, host, LetterScenario.Solicitor, $"/letters/{draftId}"))
        {
            var page = session.Page;
            Task Save() => page.GetByTestId("draft-save").ClickAsync();
            Task<string?> Column(string column) => session.ScalarAsync($"SELECT {column} FROM Letters WHERE Id = {draftId}");
            await session.TryAsync(Text(page, "letter: addressee", page.GetByTestId("draft-addressee"), Save, () => Column("Addressee"),
                () => page.GetByTestId("draft-subject").FillAsync("Notice of termination")));
            await session.TryAsync(Text(page, "letter: subject", page.GetByTestId("draft-subject"), Save, () => Column("Subject"),
                () => page.GetByTestId("draft-addressee").FillAsync("Field Office Director\n1 Federal Plaza")));
            await session.TryAsync(Text(page, "letter: body", page.GetByTestId("draft-body"), Save, () => Column("Body")));
            Assert.True(session.Stored > 10 && session.Refused > 5, $"stored {session.Stored}, refused {session.Refused}");
        }

        var (_, issuedId) = await LetterScenario.IssuedTerminationAsync(host);
        await using (var session = await HostileFormSession.OpenAsync(browser, host, LetterScenario.Solicitor, $"/letters/{issuedId}"))
        {
            var page = session.Page;
            await session.TryAsync(Text(page, "letter tracking: response summary", page.GetByTestId("response-summary"),
                () => page.GetByTestId("record-response").ClickAsync(),
                () => session.ScalarAsync($"SELECT ResponseSummary FROM Letters WHERE Id = {issuedId}")));
            Assert.True(session.Stored > 5 && session.Refused > 2, $"stored {session.Stored}, refused {session.Refused}");
        }
    }

    [Fact]
    public async Task ATemplatesNameSubjectAndBodyAreStoredVerbatimOrRefusedWithAMessage()
    {
        var before = int.Parse(await ScalarAsync("SELECT CAST(MAX(Id) AS TEXT) FROM LetterTemplates") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await using var session = await HostileFormSession.OpenAsync(browser, host, LetterScenario.Solicitor, "/letters/templates");
        var page = session.Page;
        await page.GetByText("New template…").ClickAsync();
        await page.GetByTestId("template-name").WaitForAsync();
        Task Save() => page.GetByTestId("template-save").ClickAsync();
        Task<string?> Newest(string column) => session.ScalarAsync($"SELECT {column} FROM LetterTemplates WHERE Id > {before} ORDER BY Id DESC LIMIT 1");
        async Task Valid(params string[] fields)
        {
            foreach (var field in fields)
            {
                await page.GetByTestId(field).FillAsync(field switch
                {
                    "template-name" => "zz hostile-input check",
                    "template-subject" => "Re: {{ agreement.reference }}",
                    _ => "Dear Director:\n\nThis is a test.",
                });
            }
        }
        try
        {
            await session.TryAsync(Text(page, "template: name", page.GetByTestId("template-name"), Save, () => Newest("Name"), () => Valid("template-subject", "template-body")));
            await session.TryAsync(Text(page, "template: subject", page.GetByTestId("template-subject"), Save, () => Newest("Subject"), () => Valid("template-name", "template-body")));
            await session.TryAsync(Text(page, "template: body", page.GetByTestId("template-body"), Save, () => Newest("Body"), () => Valid("template-name", "template-subject")));
            Assert.True(session.Stored > 5 && session.Refused > 5, $"stored {session.Stored}, refused {session.Refused}");
        }
        finally
        {
            // The templates made here would be offered to the letter tests of this portal; remove them.
            await host.Database.ExecuteDirectAsync($"DELETE FROM \"LetterTemplates\" WHERE \"Id\" > {before}");
        }
    }

    [Fact]
    public async Task AuditAndRecordsFiltersSearchOrRefuseWithAMessageAndChangeNothing()
    {
        await using (var session = await HostileFormSession.OpenAsync(browser, host, "auditor@portal.local", "/audit"))
        {
            session.MessageSelector += ", [data-testid=audit-grid]";
            var page = session.Page;
            await session.TryAsync(Text(page, "audit filter: user", page.GetByTestId("filter-user"), () => page.GetByTestId("filter-apply").ClickAsync(), () => Task.FromResult<string?>(null)));
            Assert.Equal(15, session.Refused);
            Assert.Contains(session.Messages, m => m.Contains("control characters", StringComparison.Ordinal));
        }
        await using (var session = await HostileFormSession.OpenAsync(browser, host, "clerk@portal.local", "/records"))
        {
            session.MessageSelector += ", [data-testid=records-grid]";
            var page = session.Page;
            await page.GetByTestId("more-filters").ClickAsync();
            foreach (var filter in new[] { "filter-name", "filter-dc" })
            {
                var input = page.GetByTestId(filter);
                await session.TryAsync(Text(page, $"records {filter}", input, () => page.GetByTestId("search").ClickAsync(), () => Task.FromResult<string?>(null),
                    () => page.GetByTestId(filter == "filter-name" ? "filter-dc" : "filter-name").FillAsync("")));
            }
            Assert.Equal(30, session.Refused);
            Assert.Contains(session.Messages, m => m.Contains("too long", StringComparison.Ordinal));
        }
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = host.Database.OpenDirect();
        await using var command = connection.CreateCommand();
        command.CommandText = TestSql.For(host.Database.Provider, sql);
        return (await command.ExecuteScalarAsync()) as string;
    }
}
