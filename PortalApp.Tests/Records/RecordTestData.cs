using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Records;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Records;

/// <summary>Raw values straight from the database, to compare with what the services hand out.</summary>
internal static class RecordTestData
{
    public static async Task<PortalDbContext> DbAsync(PortalHost host) =>
        await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    /// <summary>Every field's raw value for a person, formatted as the masking service formats it before masking.</summary>
    public static async Task<Dictionary<string, string>> RawPersonAsync(PortalHost host, int personId)
    {
        await using var db = await DbAsync(host);
        var p = await db.Persons.AsNoTracking().SingleAsync(x => x.Id == personId);
        return new Dictionary<string, string>
        {
            [RecordFields.Name] = $"{p.LastName}, {p.FirstName}",
            [RecordFields.DateOfBirth] = p.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [RecordFields.Address] = $"{p.Street}, {p.City}, PA {p.Zip}",
            [RecordFields.Zip] = p.Zip,
            [RecordFields.Phone] = p.Phone,
            [RecordFields.StateId] = p.StateId,
            [RecordFields.PlaceOfBirth] = p.PlaceOfBirth,
            [RecordFields.Race] = p.Race,
            [RecordFields.Ethnicity] = p.Ethnicity,
            [RecordFields.Sex] = p.Sex,
        };
    }

    /// <summary>The raw arrest fields of the person's most recent arrest (the first the detail page lists).</summary>
    public static async Task<Dictionary<string, string>> RawFirstArrestAsync(PortalHost host, int personId)
    {
        await using var db = await DbAsync(host);
        var a = await db.Involvements.AsNoTracking().Where(i => i.PersonId == personId).OrderByDescending(i => i.ArrestedUtc)
            .Select(i => i.Arrest!).FirstAsync();
        var charges = await db.Charges.AsNoTracking().Where(c => c.ArrestId == a.Id).OrderBy(c => c.Id).ToListAsync();
        return new Dictionary<string, string>
        {
            [RecordFields.DcNumber] = a.DcNumber,
            [RecordFields.ArrestDate] = PortalApp.Masking.MaskingService.Format(a.ArrestedUtc),
            [RecordFields.District] = a.District.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [RecordFields.Officer] = a.Officer,
            [RecordFields.Charges] = string.Join('\n', charges.Select(c => $"{c.Statute} {c.Description} ({c.Grade})")),
        };
    }

    public static async Task<int> PersonWithRoleAsync(PortalHost host, InvolvementRole role, bool only = true)
    {
        await using var db = await DbAsync(host);
        return await db.Persons.AsNoTracking()
            .Where(p => p.Involvements.Any(i => i.Role == role) && (!only || p.Involvements.All(i => i.Role == role)))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    public static async Task StatePurposeAsync(AsyncServiceScope scope, string? caseNumber = "2026-CR-0042")
    {
        var result = await scope.ServiceProvider.GetRequiredService<RecordSearchService>().StatePurposeAsync(StatedPurpose.ReasonCodes[0], caseNumber);
        Assert.True(result.Succeeded, result.Message);
    }

    /// <summary>On an open /records page, states a purpose in the dialog the page shows a liaison, and waits for the list.</summary>
    public static async Task StatePurposeInBrowserAsync(Microsoft.Playwright.IPage page)
    {
        await page.GetByTestId("purpose-dialog").WaitForAsync();
        await page.Locator("[data-testid=purpose-dialog] .mud-select").First.ClickAsync();
        await page.GetByText(StatedPurpose.ReasonCodes[0], new() { Exact = true }).Last.ClickAsync();
        await page.GetByLabel("Case number").FillAsync("2026-CR-0042");
        await page.GetByTestId("purpose-submit").ClickAsync();
        await page.GetByTestId("record-link").First.WaitForAsync();
    }

    /// <summary>A new page signed in as <paramref name="email"/> on /records with a purpose stated.</summary>
    public static async Task<Microsoft.Playwright.IPage> OpenRecordsAsync(BrowserFixture browser, string baseUrl, string email)
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, baseUrl, email);
        await page.GotoAsync($"{baseUrl}/records");
        await StatePurposeInBrowserAsync(page);
        return page;
    }

    public static async Task<AccessLogEntry> LastLogAsync(PortalHost host, string? action = null)
    {
        await using var db = await DbAsync(host);
        return await db.AccessLog.AsNoTracking().Where(e => action == null || e.Action == action).OrderByDescending(e => e.Id).FirstAsync();
    }
}
