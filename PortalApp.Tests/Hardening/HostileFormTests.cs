using Microsoft.Playwright;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Letters;

namespace PortalApp.Tests.Hardening;

/// <summary>
/// The hostile corpus typed into every free-text field of the portal's forms in Chromium, one page session per form
/// (see <see cref="HostileFormSession"/> for what is checked after each value). The agreement forms are in
/// <see cref="HostileAgreementFormTests"/>, on a portal of their own, so the two halves run side by side.
/// </summary>
[Collection(HostileFormCollection.Name)]
[Trait(TestDatabase.ProviderTrait, TestDatabase.StricterOnPostgres)]
public sealed class HostileFormTests(PortalHost host, BrowserFixture browser)
{
    private const string Admin = "admin@portal.local";

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

        await session.TryAsync(HostileField.Text("vote rationale", panel.Locator("textarea"), Cast,
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
            // Pressed and released 0.4 s apart, as a person clicks: a page that moves under the pointer in between (as a
            // "Required" line under the note once did) then loses the click every time, not once in a while under load.
            await session.TryAsync(HostileField.Text("masking note", page.GetByTestId("policy-note"), () => page.GetByTestId("policy-save").ClickAsync(new() { Delay = 400 }),
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
            await session.TryAsync(HostileField.Text("letter: addressee", page.GetByTestId("draft-addressee"), Save, () => Column("Addressee"),
                () => page.GetByTestId("draft-subject").FillAsync("Notice of termination")));
            await session.TryAsync(HostileField.Text("letter: subject", page.GetByTestId("draft-subject"), Save, () => Column("Subject"),
                () => page.GetByTestId("draft-addressee").FillAsync("Field Office Director\n1 Federal Plaza")));
            await session.TryAsync(HostileField.Text("letter: body", page.GetByTestId("draft-body"), Save, () => Column("Body")));
            Assert.True(session.Stored > 10 && session.Refused > 5, $"stored {session.Stored}, refused {session.Refused}");
        }

        var (_, issuedId) = await LetterScenario.IssuedTerminationAsync(host);
        await using (var session = await HostileFormSession.OpenAsync(browser, host, LetterScenario.Solicitor, $"/letters/{issuedId}"))
        {
            var page = session.Page;
            await session.TryAsync(HostileField.Text("letter tracking: response summary", page.GetByTestId("response-summary"),
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
            await session.TryAsync(HostileField.Text("template: name", page.GetByTestId("template-name"), Save, () => Newest("Name"), () => Valid("template-subject", "template-body")));
            await session.TryAsync(HostileField.Text("template: subject", page.GetByTestId("template-subject"), Save, () => Newest("Subject"), () => Valid("template-name", "template-body")));
            await session.TryAsync(HostileField.Text("template: body", page.GetByTestId("template-body"), Save, () => Newest("Body"), () => Valid("template-name", "template-subject")));
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
            await session.TryAsync(HostileField.Text("audit filter: user", page.GetByTestId("filter-user"), () => page.GetByTestId("filter-apply").ClickAsync(), () => Task.FromResult<string?>(null)));
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
                await session.TryAsync(HostileField.Text($"records {filter}", input, () => page.GetByTestId("search").ClickAsync(), () => Task.FromResult<string?>(null),
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
