using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using PortalApp.AccessLogging;
using PortalApp.Records;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Transparency;

namespace PortalApp.Tests.Transparency;

/// <summary>Its own portal: the kept tally against a fresh count, and the public read limit set low.</summary>
public sealed class TransparencyCacheTests(TransparencyCacheTests.Host host) : IClassFixture<TransparencyCacheTests.Host>
{
    public sealed class Host : PortalHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:PublicReadsPerMinute", "5");
        }
    }

    private static readonly Dictionary<string, string> AgreementsOf = new() { [DemoAgencies.Ice] = DemoAgreement.Reference };

    [Fact]
    public async Task TheKeptTallyReadsOnlyNewEntriesAndEqualsAFreshCountAfterMoreEntriesArrive()
    {
        var kept = host.Services.GetRequiredService<AgencyUseTally>();
        await LiaisonUseAsync(searches: 3, flagged: 1);
        var before = await kept.MonthsAsync(AgreementsOf);
        var readThrough = kept.ReadThrough;

        await LiaisonUseAsync(searches: 9, flagged: 2);
        var after = await kept.MonthsAsync(AgreementsOf);

        Assert.True(kept.ReadThrough > readThrough, "the tally did not read the new entries");
        Assert.Equal(await FreshAsync(), after);
        Assert.Equal((3L, 1L), (Assert.Single(before).Searches, before[0].RefusedOrFlagged));
        Assert.Equal((12L, 3L), (Assert.Single(after).Searches, after[0].RefusedOrFlagged));
    }

    [Fact]
    public async Task ReadsOfThePublicRecordBeyondTheLimitAreRefusedWithAClearMessage()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await client.GetAsync(i % 2 == 0 ? "/transparency.json" : "/transparency"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].StatusCode);
        Assert.Contains("Too many requests", await answers[^1].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("DENY", answers[^1].Headers.GetValues("X-Frame-Options").Single());
    }

    private async Task<IReadOnlyList<MonthlyUse>> FreshAsync() =>
        await new AgencyUseTally(host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), host.Services.GetRequiredService<IOptions<RecordsOptions>>())
            .MonthsAsync(AgreementsOf);

    /// <summary>Entries as the records feature writes them: through AccessLog, as the liaison.</summary>
    private async Task LiaisonUseAsync(int searches, int flagged)
    {
        await using var scope = await host.ScopeAsAsync("liaison@portal.local");
        var user = await scope.ServiceProvider.GetRequiredService<global::PortalApp.Authorization.Capabilities>().CurrentUserAsync();
        var log = scope.ServiceProvider.GetRequiredService<AccessLog>();
        for (var i = 0; i < searches + flagged; i++)
        {
            await log.AppendAsync(new AccessEvent(AccessActions.Search, i < searches ? AccessOutcomes.Success : AccessOutcomes.Refused)
            {
                Actor = user, Target = RecordReach.RecordsTarget, ResultCount = 0, Flagged = i >= searches, FlagReason = i >= searches ? "test" : null,
            });
        }
    }
}
