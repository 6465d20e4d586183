using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Records;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Records;

/// <summary>Its own portal, because it terminates the agreement and moves the clock.</summary>
public sealed class AgreementEndTests(AgreementEndTests.Host host) : IClassFixture<AgreementEndTests.Host>
{
    public sealed class Host : PortalHost;

    [Fact]
    public async Task TheLiaisonSeesNothingOnceTheTerminationTakesEffect()
    {
        await using (var db = await RecordTestData.DbAsync(host))
        {
            var agreement = await db.Agreements.SingleAsync(a => a.Reference == DemoAgreement.Reference);
            agreement.TerminationEffectiveUtc = host.Time.GetUtcNow().AddHours(1);
            agreement.TerminationLetterNumber = "SOL-2026-0001";
            await db.SaveChangesAsync();
        }
        await using var scope = await host.ScopeAsAsync("liaison@portal.local");
        await RecordTestData.StatePurposeAsync(scope);
        var records = scope.ServiceProvider.GetRequiredService<RecordSearchService>();
        var personId = (await records.SearchAsync(new RecordQuery())).Rows[0].PersonId;

        host.Time.Advance(TimeSpan.FromHours(2));

        var search = await records.SearchAsync(new RecordQuery());
        Assert.Empty(search.Rows);
        Assert.Matches(@"access ended on \w+ \d+, \d{4} under letter SOL-2026-0001", search.Refusal);
        var view = await records.ViewAsync(personId);
        Assert.Null(view.Detail);
        Assert.Contains("SOL-2026-0001", view.Refusal, StringComparison.Ordinal);
        var permissions = await records.PermissionsAsync();
        Assert.False(permissions.Allowed);
        // The termination scheduler logs its own entry once the clock passes the cut-off, possibly after the view's.
        var entry = await RecordTestData.LastLogAsync(host, "record-view");
        Assert.Equal(("record-view", "refused", true), (entry.Action, entry.Outcome, entry.Flagged));

        await using var clerk = await host.ScopeAsAsync("clerk@portal.local");
        Assert.NotEmpty((await clerk.ServiceProvider.GetRequiredService<RecordSearchService>().SearchAsync(new RecordQuery())).Rows);
    }
}
