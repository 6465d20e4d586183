using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Ballots;
using PortalApp.Common;
using PortalApp.Letters;
using PortalApp.Records;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Transparency;

[CollectionDefinition(Name)]
public sealed class TransparencyCollection : ICollectionFixture<TransparencyHistory>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "transparency";
}

/// <summary>
/// A fresh portal with a scripted history, driven through the services on the fake clock: the liaison's use in two
/// months (in and out of agency hours, an export, a refused search), then votes, a decision and a termination letter.
/// It keeps what the transparency record must then say.
/// </summary>
public sealed class TransparencyHistory : PortalHost, IAsyncLifetime
{
    public const string Liaison = "liaison@portal.local";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Volume flags would depend on how many arrestees the seed made; only hours and refusals flag here.
        builder.UseSetting("Portal:LiaisonMaxPeoplePerHour", "100000");
        builder.UseSetting("Portal:LiaisonMaxPeoplePerDay", "100000");
        builder.UseSetting("Portal:PublicReadsPerMinute", "100000");
    }

    /// <summary>The first and second months of use (city time), as the record names them (yyyy-MM).</summary>
    public string FirstMonth { get; private set; } = "";
    public string SecondMonth { get; private set; } = "";
    public int RowsExported { get; private set; }
    public DateOnly DecidedDate { get; private set; }
    public string Term { get; private set; } = "";
    public string LetterNumber { get; private set; } = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var firstDay = NextMonthSecondDay(PortalTime.Today(Time));
        var secondDay = NextMonthSecondDay(firstDay);
        (FirstMonth, SecondMonth) = ($"{firstDay:yyyy-MM}", $"{secondDay:yyyy-MM}");

        // First month, 10:00: inside agency hours (07:00-19:00 ET).
        MoveTo(firstDay, new TimeOnly(10, 0));
        var people = await ArresteesAsync(12);
        await AsLiaisonAsync(async records =>
        {
            for (var i = 0; i < 12; i++)
            {
                Assert.Null((await records.SearchAsync(new RecordQuery())).Refusal);
            }
            foreach (var person in people.Append(people[0]))
            {
                Assert.NotNull((await records.ViewAsync(person)).Detail);
            }
            var export = await records.ExportAsync(new RecordQuery());
            Assert.Null(export.Refusal);
            RowsExported = export.Rows;
        });
        // First month, 21:00: outside agency hours: 3 searches, a refused search by place of birth, 2 views (all flagged).
        MoveTo(firstDay, new TimeOnly(21, 0));
        await AsLiaisonAsync(async records =>
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Null((await records.SearchAsync(new RecordQuery())).Refusal);
            }
            Assert.NotNull((await records.SearchAsync(new RecordQuery { PlaceOfBirth = "Honduras" })).Refusal);
            Assert.NotNull((await records.ViewAsync(people[1])).Detail);
            Assert.NotNull((await records.ViewAsync(people[2])).Detail);
        });
        // Second month, 10:00: a little use, all of it small.
        MoveTo(secondDay, new TimeOnly(10, 0));
        await AsLiaisonAsync(async records =>
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Null((await records.SearchAsync(new RecordQuery())).Refusal);
            }
            foreach (var person in people.Take(3))
            {
                Assert.NotNull((await records.ViewAsync(person)).Detail);
            }
        });

        // The next day: Courts vote to renew, then the City and the DA to terminate, which decides; then the letter.
        MoveTo(secondDay.AddDays(1), new TimeOnly(11, 0));
        DecidedDate = secondDay.AddDays(1);
        await VoteAsync("courts@portal.local", Party.Courts, VoteChoice.Renew);
        await VoteAsync("city@portal.local", Party.City, VoteChoice.Terminate);
        await VoteAsync("da@portal.local", Party.DistrictAttorney, VoteChoice.Terminate);
        await using var db = await DbAsync();
        Term = (await db.Ballots.SingleAsync(b => b.Id == 1)).Term;
        var letterId = await Letters.LetterScenario.DraftAsync(this, 1);
        await using (var scope = await ScopeAsAsync(Letters.LetterScenario.Solicitor))
        {
            var issued = await scope.ServiceProvider.GetRequiredService<LetterIssuer>().IssueAsync(letterId);
            Assert.True(issued.Succeeded, issued.Message);
        }
        LetterNumber = (await db.Letters.SingleAsync(l => l.Id == letterId)).Number!;
    }

    public async Task<PortalDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    private static DateOnly NextMonthSecondDay(DateOnly day) => new DateOnly(day.Year, day.Month, 2).AddMonths(1);

    private void MoveTo(DateOnly day, TimeOnly time)
    {
        var at = PortalTime.FromCity(day, time);
        Assert.True(at > Time.GetUtcNow(), "the scripted history only moves forward");
        Time.Advance(at - Time.GetUtcNow());
    }

    private async Task<List<int>> ArresteesAsync(int count)
    {
        await using var db = await DbAsync();
        return await db.Involvements.Where(i => i.Role == InvolvementRole.Arrestee).Select(i => i.PersonId).Distinct().OrderBy(id => id).Take(count).ToListAsync();
    }

    private async Task AsLiaisonAsync(Func<RecordSearchService, Task> use)
    {
        await using var scope = await ScopeAsAsync(Liaison);
        var records = scope.ServiceProvider.GetRequiredService<RecordSearchService>();
        var purpose = await records.StatePurposeAsync(StatedPurpose.ReasonCodes[0], "2026-CR-0042");
        Assert.True(purpose.Succeeded, purpose.Message);
        await use(records);
    }

    private async Task VoteAsync(string email, Party seat, VoteChoice choice)
    {
        await using var scope = await ScopeAsAsync(email);
        var result = await scope.ServiceProvider.GetRequiredService<BallotService>().CastVoteAsync(new VoteRequest(1, seat, choice, "Stated in the meeting."));
        Assert.True(result.Succeeded, result.Message);
    }
}
