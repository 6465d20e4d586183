using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Records;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Records;

namespace PortalApp.Tests.Masking;

/// <summary>
/// Two agencies, each under its own agreement: one agreement is put in each state while the other stays in force, and
/// each agency's liaison is asked what they see. Access follows the liaison's own agency and nothing else. It changes
/// agreements, so it has a portal of its own; each case puts both agreements back as it found them.
/// </summary>
public sealed class AgencyAccessTests(AgencyAccessTests.Host host) : IClassFixture<AgencyAccessTests.Host>
{
    public sealed class Host : PortalHost;

    public enum State { Active, Terminating, Terminated, Expired, NoSchedule }

    private const string Ice = "liaison@portal.local";
    private const string Fbi = "fbi-liaison@portal.local";

    /// <summary>What each liaison's own schedule shows, written out here: the ICE one names, the FBI one initials.</summary>
    private static readonly Dictionary<string, (string Reference, MaskingAction Name, MaskingAction DateOfBirth, InvolvementRole[] Rows)> Schedules = new()
    {
        [Ice] = (DemoAgreement.Reference, MaskingAction.Show, MaskingAction.Partial, [InvolvementRole.Arrestee]),
        [Fbi] = (DemoFbiAgreement.Reference, MaskingAction.Partial, MaskingAction.Show, [InvolvementRole.Arrestee, InvolvementRole.Victim]),
    };

    public static TheoryData<string, State> Cases()
    {
        var data = new TheoryData<string, State>();
        foreach (var liaison in new[] { Ice, Fbi })
            foreach (var state in Enum.GetValues<State>())
                data.Add(liaison, state);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachLiaisonSeesByTheirOwnAgencysAgreementAndNoOther(string changed, State state)
    {
        var other = changed == Ice ? Fbi : Ice;
        await using var restore = await AgreementSnapshot.TakeAsync(host);
        await SetAsync(Schedules[changed].Reference, state);

        var seen = await SearchAsAsync(changed);
        if (state is State.Active or State.Terminating)
        {
            AssertOwnSchedule(changed, seen);
        }
        else
        {
            Assert.Empty(seen.Rows);
            Assert.Contains(state == State.NoSchedule ? "has no data schedule in force" : Schedules[changed].Reference, seen.Refusal, StringComparison.Ordinal);
            var entry = await RecordTestData.LastLogAsync(host, "search");
            Assert.Equal(("refused", changed == Ice ? DemoAgencies.Ice : DemoAgencies.Fbi), (entry.Outcome, entry.PartyOrAgency));
        }
        AssertOwnSchedule(other, await SearchAsAsync(other));
    }

    private static void AssertOwnSchedule(string liaison, RecordSearchResult seen)
    {
        var expected = Schedules[liaison];
        Assert.Null(seen.Refusal);
        Assert.NotEmpty(seen.Rows);
        Assert.All(seen.Rows, r => Assert.Contains(r.Role, expected.Rows));
        Assert.All(seen.Rows, r => Assert.Equal(expected.Name, r.Name.Action));
        Assert.All(seen.Rows, r => Assert.Equal(expected.DateOfBirth, r.DateOfBirth.Action));
    }

    private async Task<RecordSearchResult> SearchAsAsync(string liaison)
    {
        await using var scope = await host.ScopeAsAsync(liaison);
        await RecordTestData.StatePurposeAsync(scope);
        return await scope.ServiceProvider.GetRequiredService<RecordSearchService>().SearchAsync(new RecordQuery());
    }

    private async Task SetAsync(string reference, State state)
    {
        await using var db = await RecordTestData.DbAsync(host);
        var agreement = await db.Agreements.Include(a => a.Amendments).SingleAsync(a => a.Reference == reference);
        var now = host.Time.GetUtcNow();
        var today = PortalTime.CityDate(now);
        switch (state)
        {
            case State.Terminating:
                (agreement.TerminationEffectiveUtc, agreement.TerminationLetterNumber) = (now.AddDays(3), "SOL-2026-0900");
                break;
            case State.Terminated:
                (agreement.Status, agreement.TerminationEffectiveUtc, agreement.TerminationLetterNumber) = (AgreementStatus.Terminated, now.AddDays(-1), "SOL-2026-0901");
                break;
            case State.Expired:
                (agreement.Status, agreement.ExpiryDate) = (AgreementStatus.Expired, today.AddDays(-1));
                break;
            case State.NoSchedule:
                agreement.Amendments.ForEach(m => m.EffectiveDate = today.AddDays(30 + m.Number));
                break;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Both demo agreements as they were, put back on dispose.</summary>
    private sealed class AgreementSnapshot(PortalHost host, List<Agreement> saved) : IAsyncDisposable
    {
        public static async Task<AgreementSnapshot> TakeAsync(PortalHost host)
        {
            await using var db = await RecordTestData.DbAsync(host);
            return new AgreementSnapshot(host, await db.Agreements.AsNoTracking().Include(a => a.Amendments).ToListAsync());
        }

        public async ValueTask DisposeAsync()
        {
            await using var db = await RecordTestData.DbAsync(host);
            foreach (var before in saved)
            {
                var agreement = await db.Agreements.Include(a => a.Amendments).SingleAsync(a => a.Id == before.Id);
                agreement.Status = before.Status;
                agreement.ExpiryDate = before.ExpiryDate;
                agreement.TerminationEffectiveUtc = before.TerminationEffectiveUtc;
                agreement.TerminationLetterNumber = before.TerminationLetterNumber;
                foreach (var m in agreement.Amendments)
                {
                    m.EffectiveDate = before.Amendments.Single(b => b.Id == m.Id).EffectiveDate;
                }
            }
            await db.SaveChangesAsync();
        }
    }
}
