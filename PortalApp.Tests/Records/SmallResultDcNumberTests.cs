using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Common;
using PortalApp.Records;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Records;

/// <summary>Issue 19, item 8: only a whole DC number lifts the small-result rule, never a prefix of one.</summary>
[Collection(AppCollection.Name)]
public sealed class SmallResultDcNumberTests(PortalHost host)
{
    private static RecordSearchService Service(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<RecordSearchService>();

    /// <summary>One district on one day with fewer than five rows, and the DC number of an arrestee among them.</summary>
    private async Task<(RecordQuery Query, string DcNumber)> SmallDistrictDayAsync()
    {
        await using var db = await RecordTestData.DbAsync(host);
        var rows = await db.Involvements.AsNoTracking().Select(i => new { i.District, i.ArrestedUtc, i.DcNumber, i.Role }).ToListAsync();
        var group = rows.GroupBy(r => (r.District, Day: DateOnly.FromDateTime(PortalTime.ToCity(r.ArrestedUtc).DateTime)))
            .First(g => g.Count() < 5 && g.Any(r => r.Role == Portal.Data.Entities.InvolvementRole.Arrestee));
        return (new RecordQuery { District = group.Key.District, From = group.Key.Day, To = group.Key.Day }, group.First(r => r.Role == Portal.Data.Entities.InvolvementRole.Arrestee).DcNumber);
    }

    [Fact]
    public async Task APrefixOfADcNumberDoesNotLiftTheSmallResultRuleForSearchOrExport()
    {
        var (narrow, dc) = await SmallDistrictDayAsync();
        await using var official = await host.ScopeAsAsync("city@portal.local");

        foreach (var prefix in new[] { dc[..1], dc[..2], dc[..5], dc[..^1] })
        {
            var query = narrow with { DcNumber = prefix };
            var search = await Service(official).SearchAsync(query);
            Assert.True(search.Withheld is not null, $"dc={prefix} showed {search.Rows.Count} rows");
            Assert.Empty(search.Rows);
            var export = await Service(official).ExportAsync(query);
            Assert.Null(export.Csv);
            Assert.Contains("Fewer than 5 records", export.Refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AWholeDcNumberStillFindsItsArrestForAMaskedRole()
    {
        var (narrow, dc) = await SmallDistrictDayAsync();
        await using var official = await host.ScopeAsAsync("city@portal.local");

        var search = await Service(official).SearchAsync(narrow with { DcNumber = dc });

        Assert.Null(search.Withheld);
        Assert.NotEmpty(search.Rows);
        Assert.All(search.Rows, r => Assert.Equal(dc, r.DcNumber.Text));
        Assert.NotNull((await Service(official).ExportAsync(new RecordQuery { DcNumber = dc })).Csv);
    }

    [Fact]
    public async Task TheExportEndpointRefusesADistrictDayNarrowedByADcPrefix()
    {
        var (narrow, dc) = await SmallDistrictDayAsync();
        using var client = await SignIn.ClientAsync(host.BaseUrl, "city@portal.local");
        var day = narrow.From!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var url = $"/records/export.csv?district={narrow.District}&from={day}&to={day}";

        var prefixed = await client.GetAsync($"{url}&dc={Uri.EscapeDataString(dc[..1])}");
        var whole = await client.GetAsync($"{url}&dc={Uri.EscapeDataString(dc)}");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, prefixed.StatusCode);
        Assert.DoesNotContain(dc, await prefixed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, whole.StatusCode);
        Assert.Contains(dc, await whole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("26-14-0001234", true)]
    [InlineData("26-14-00012345", true)]
    [InlineData("26-14-000123", false)]
    [InlineData("26-14-", false)]
    [InlineData("2", false)]
    [InlineData("26-14-000123٤", false)]
    [InlineData(" 26-14-0001234", false)]
    public void OnlyAWholeDcNumberIsComplete(string value, bool complete) =>
        Assert.Equal(complete, DcNumbers.IsComplete(value));
}
