using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Masking;
using PortalApp.Records;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Records;

[Collection(AppCollection.Name)]
public sealed class RecordSearchTests(PortalHost host)
{
    private static RecordSearchService Service(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<RecordSearchService>();

    [Fact]
    public async Task TheClerkSearchesAndTheSearchIsLoggedWithFiltersCountAndRevealedFields()
    {
        await using var scope = await host.ScopeAsAsync("clerk@portal.local");
        var result = await Service(scope).SearchAsync(new RecordQuery { District = 24 });

        Assert.Null(result.Refusal);
        Assert.NotEmpty(result.Rows);
        Assert.All(result.Rows, r => Assert.Equal("24", r.District.Text));
        var entry = await RecordTestData.LastLogAsync(host);
        Assert.Equal("search", entry.Action);
        Assert.Contains("district=24", entry.Filters, StringComparison.Ordinal);
        Assert.Equal(result.Total, entry.ResultCount);
        Assert.Contains("Name", entry.RevealedFields!, StringComparison.Ordinal);
        Assert.False(entry.Flagged);
    }

    public static TheoryData<string, RecordQuery> MaskedFieldAttempts() => new()
    {
        { "city@portal.local", new RecordQuery { Name = "Smi" } },
        { "city@portal.local", new RecordQuery { SortBy = RecordFields.Name } },
        { "city@portal.local", new RecordQuery { SortBy = RecordFields.Phone } },
        { "city@portal.local", new RecordQuery { PlaceOfBirth = "Mexico" } },
        { "liaison@portal.local", new RecordQuery { PlaceOfBirth = "Mexico" } },
        { "liaison@portal.local", new RecordQuery { Race = "Black" } },
        { "liaison@portal.local", new RecordQuery { Ethnicity = "Hispanic or Latino" } },
        { "liaison@portal.local", new RecordQuery { SortBy = RecordFields.PlaceOfBirth } },
        { "liaison@portal.local", new RecordQuery { Role = InvolvementRole.Victim } },
        { "clerk@portal.local", new RecordQuery { SortBy = "ImmigrationStatus" } },
    };

    [Theory]
    [MemberData(nameof(MaskedFieldAttempts))]
    public async Task FilteringOrSortingOnAFieldTheRoleCannotSeeIsRefusedAndFlagged(string email, RecordQuery query)
    {
        await using var scope = await host.ScopeAsAsync(email);
        await RecordTestData.StatePurposeAsync(scope);

        var result = await Service(scope).SearchAsync(query);

        Assert.NotNull(result.Refusal);
        Assert.StartsWith("Refused", result.Refusal, StringComparison.Ordinal);
        Assert.Empty(result.Rows);
        var entry = await RecordTestData.LastLogAsync(host);
        Assert.Equal(("search", "refused", true), (entry.Action, entry.Outcome, entry.Flagged));
        Assert.Equal(email, entry.UserName);
    }

    [Fact]
    public async Task TheAgencyIsRefusedProfilingFiltersEvenWhereItsScheduleShowsTheField()
    {
        var schedule = new PortalApp.Masking.RolePolicy(PortalApp.Authorization.Roles.AgencyLiaison,
            RecordFields.All.ToDictionary(f => f, _ => MaskingAction.Show), new HashSet<InvolvementRole> { InvolvementRole.Arrestee }, "the 2008 schedule");
        foreach (var field in RecordQueryRules.ProfilingFields)
        {
            var verdict = RecordQueryRules.Check(schedule, new RecordQuery { SortBy = field }, 50_000);
            Assert.NotNull(verdict);
            Assert.True(verdict.Flagged);
            Assert.Contains("place of birth, race or ethnicity", verdict.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheLiaisonMustStateAPurposeAndItIsLoggedWithEverySearch()
    {
        await using var scope = await host.ScopeAsAsync("liaison@portal.local");
        scope.ServiceProvider.GetRequiredService<PurposeRegistry>().Clear((await scope.ServiceProvider.GetRequiredService<PortalApp.Authorization.Capabilities>().CurrentUserAsync()));

        var refused = await Service(scope).SearchAsync(new RecordQuery());
        Assert.Contains("purpose", refused.Refusal, StringComparison.Ordinal);
        Assert.True((await RecordTestData.LastLogAsync(host)).Flagged);

        await RecordTestData.StatePurposeAsync(scope, "2026-CR-0042");
        var granted = await Service(scope).SearchAsync(new RecordQuery());
        Assert.Null(granted.Refusal);
        Assert.Contains("2026-CR-0042", (await RecordTestData.LastLogAsync(host)).Purpose, StringComparison.Ordinal);

        await RecordTestData.StatePurposeAsync(scope, caseNumber: null);
        await Service(scope).SearchAsync(new RecordQuery());
        var noCase = await RecordTestData.LastLogAsync(host);
        Assert.True(noCase.Flagged);
        Assert.Contains("no case number", noCase.FlagReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLiaisonNeverSeesAVictimOrAWitnessUnderThe2009Schedule()
    {
        await using var scope = await host.ScopeAsAsync("liaison@portal.local");
        await RecordTestData.StatePurposeAsync(scope);
        var seen = new List<RecordRow>();
        for (var page = 0; ; page++)
        {
            var result = await Service(scope).SearchAsync(new RecordQuery { Page = page, PageSize = 100 });
            seen.AddRange(result.Rows);
            if (result.Rows.Count < 100) break;
        }
        await using var db = await RecordTestData.DbAsync(host);
        Assert.Equal(await db.Involvements.CountAsync(i => i.Role == InvolvementRole.Arrestee), seen.Count);
        Assert.All(seen, r => Assert.Equal(InvolvementRole.Arrestee, r.Role));

        foreach (var role in new[] { InvolvementRole.Victim, InvolvementRole.Witness })
        {
            var view = await Service(scope).ViewAsync(await RecordTestData.PersonWithRoleAsync(host, role));
            Assert.Null(view.Detail);
        }
    }

    [Theory]
    [InlineData("clerk@portal.local", 0)]
    [InlineData("clerk@portal.local", 19)]
    [InlineData("clerk@portal.local", 20)]
    [InlineData("clerk@portal.local", 21)]
    [InlineData("clerk@portal.local", 480)]
    [InlineData("clerk@portal.local", 499)]
    [InlineData("clerk@portal.local", 600)]
    [InlineData("liaison@portal.local", 0)]
    [InlineData("liaison@portal.local", 25)]
    [InlineData("liaison@portal.local", 250)]
    public async Task EveryPageShowsTheRowsAtItsPlaceInTheOrderAndACountExactUpToTenThousandOrTwentyPagesAhead(string email, int page)
    {
        const int size = 10;
        var arresteesOnly = email.StartsWith("liaison", StringComparison.Ordinal);
        await using var db = await RecordTestData.DbAsync(host);
        var ordered = await db.Involvements.AsNoTracking().Where(i => !arresteesOnly || i.Role == InvolvementRole.Arrestee)
            .OrderByDescending(i => i.ArrestedUtc).ThenByDescending(i => i.Id).Select(i => i.Id).ToListAsync();
        await using var scope = await host.ScopeAsAsync(email);
        if (arresteesOnly)
        {
            await RecordTestData.StatePurposeAsync(scope);
        }

        var result = await Service(scope).SearchAsync(new RecordQuery { Page = page, PageSize = size });

        Assert.Equal(ordered.Skip(page * size).Take(size), result.Rows.Select(r => r.InvolvementId));
        // Exact up to 10,000 matches (the default), else twenty pages ahead, never past the 50,000 a role may page through.
        var window = Math.Min(50_000, Math.Max(10_000, (page + 20) * size));
        Assert.Equal(Math.Min(window, ordered.Count), result.Total);
        Assert.Equal(ordered.Count >= window, result.TotalIsCapped);
    }

    [Fact]
    public async Task ASmallResultIsWithheldFromAMaskedRoleButNotFromTheClerk()
    {
        await using var db = await RecordTestData.DbAsync(host);
        var rows = await db.Involvements.AsNoTracking().Select(i => new { i.District, i.ArrestedUtc }).ToListAsync();
        var pick = rows.GroupBy(r => (r.District, Day: DateOnly.FromDateTime(PortalApp.Common.PortalTime.ToCity(r.ArrestedUtc).DateTime)))
            .First(g => g.Count() is > 0 and < 5).Key;
        var query = new RecordQuery { District = pick.District, From = pick.Day, To = pick.Day };

        await using var official = await host.ScopeAsAsync("city@portal.local");
        var withheld = await Service(official).SearchAsync(query);
        Assert.NotNull(withheld.Withheld);
        Assert.Empty(withheld.Rows);

        await using var clerk = await host.ScopeAsAsync("clerk@portal.local");
        Assert.NotEmpty((await Service(clerk).SearchAsync(query)).Rows);
    }

    [Fact]
    public async Task TheExportIsMaskedAsOnScreenAndLogged()
    {
        await using var scope = await host.ScopeAsAsync("city@portal.local");
        var screen = await Service(scope).SearchAsync(new RecordQuery { PageSize = 100 });
        var export = await Service(scope).ExportAsync(new RecordQuery());
        var csv = System.Text.Encoding.UTF8.GetString(await export.Csv!.ToArrayAsync());

        Assert.Contains(screen.Rows[0].Name.Text, csv, StringComparison.Ordinal);
        var raw = await RecordTestData.RawPersonAsync(host, screen.Rows[0].PersonId);
        Assert.DoesNotContain(raw[RecordFields.Name], csv, StringComparison.Ordinal);
        var entry = await RecordTestData.LastLogAsync(host);
        Assert.Equal(("export", export.Rows), (entry.Action, entry.ResultCount ?? -1));
    }

    [Fact]
    public async Task TheExportLeavesItsHeaderFirstThenFiveHundredRowsAtATimeAndHoldsEveryLoggedRow()
    {
        await using var scope = await host.ScopeAsAsync("city@portal.local");
        var export = await Service(scope).ExportAsync(new RecordQuery());
        var sent = new FlushRecordingStream();
        await export.Csv!.WriteToAsync(sent);

        var lines = System.Text.Encoding.UTF8.GetString(sent.ToArray()).TrimEnd('\r', '\n').Split('\n');
        Assert.Equal(export.Rows + 1, lines.Length);
        Assert.True(export.Rows > 100, $"{export.Rows} rows");
        Assert.Equal(export.Rows, (await RecordTestData.LastLogAsync(host)).ResultCount);
        // The header alone is flushed before any row is read; then one flush per chunk of 500 rows.
        var firstFlush = System.Text.Encoding.UTF8.GetString(sent.ToArray()[..(int)sent.FlushedAt[0]]).TrimStart('\uFEFF').TrimEnd('\r', '\n');
        Assert.Equal("Role,Name,Date of birth,Sex,Place of birth,DC number,Arrested,District,Charges", firstFlush);
        Assert.Equal(1 + (export.Rows + 499) / 500, sent.FlushedAt.Distinct().Count());
    }

    private sealed class FlushRecordingStream : MemoryStream
    {
        public List<long> FlushedAt { get; } = [];

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            FlushedAt.Add(Length);
            return base.FlushAsync(cancellationToken);
        }
    }
}
