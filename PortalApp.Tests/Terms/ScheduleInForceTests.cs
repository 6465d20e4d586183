using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Agreements;
using PortalApp.Authorization;
using PortalApp.Masking;
using PortalApp.Seeding;
using PortalApp.Terms;
using PortalApp.Tests.Agreements;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Terms;

/// <summary>Which schedule governs the agency: by effective date (city time), and never a wider one on an Admin's word.</summary>
public sealed class ScheduleInForceTests(ScheduleInForceTests.Host host) : IClassFixture<ScheduleInForceTests.Host>
{
    /// <summary>Its own portal: it amends the demo agreement and moves the clock.</summary>
    public sealed class Host : PortalHost;

    private static readonly DateOnly Today = new(2026, 12, 6);

    private static readonly IReadOnlyDictionary<int, DateOnly> NoneAdopted = new Dictionary<int, DateOnly>();

    private static Amendment Schedule(int number, int daysFromToday, string roles, MaskingAction name, MaskingAction race) => new()
    {
        Id = number + 100,
        Number = number,
        EffectiveDate = Today.AddDays(daysFromToday),
        Schedule = new DataSchedule
        {
            VisibleRoles = [.. roles.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<InvolvementRole>)],
            Fields = new() { [RecordFields.Name] = name, [RecordFields.Race] = race },
        },
    };

    private static readonly Amendment Original = Schedule(0, -3000, "Arrestee", MaskingAction.Show, MaskingAction.Redact);

    public static TheoryData<string, Amendment, string> Changes => new()
    {
        // what the change is, the amendment after the original, the standing of each (0 then 1) on the day
        { "a narrowing dated today governs at once", Schedule(1, 0, "Arrestee", MaskingAction.Partial, MaskingAction.Redact), "Superseded InForce" },
        { "a narrowing dated next month waits for its date", Schedule(1, 30, "Arrestee", MaskingAction.Redact, MaskingAction.Redact), "InForce Scheduled" },
        { "showing victims needs adoption", Schedule(1, 0, "Arrestee Victim", MaskingAction.Show, MaskingAction.Redact), "InForce AwaitingAdoption" },
        { "showing race needs adoption, even dated next month", Schedule(1, 30, "Arrestee", MaskingAction.Show, MaskingAction.Show), "InForce AwaitingAdoption" },
        { "a pseudonym instead of a redaction is wider", Schedule(1, 0, "Arrestee", MaskingAction.Show, MaskingAction.Pseudonym), "InForce AwaitingAdoption" },
        { "the same schedule again governs from its date", Schedule(1, 0, "Arrestee", MaskingAction.Show, MaskingAction.Redact), "Superseded InForce" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void EachChangeStandsAsTheRuleSays(string change, Amendment amendment, string standings)
    {
        var states = ScheduleInForce.States([amendment, Original], Today, NoneAdopted);

        Assert.True(standings == string.Join(' ', states.Select(s => s.Standing)), $"{change}: {string.Join(' ', states.Select(s => s.Standing))}");
    }

    public static TheoryData<string, int, int?, int, string> Adoptions => new()
    {
        // a widening (victims) dated some days from today, the day a ballot adopted it (null: never), the day asked about, the standings
        { "not adopted, a year on", 0, null, 365, "InForce AwaitingAdoption" },
        { "adopted before its date, the day before its date", 30, 0, 29, "InForce Scheduled" },
        { "adopted before its date, on its date", 30, 0, 30, "Superseded InForce" },
        { "adopted after its date, the day before the adoption", 0, 10, 9, "InForce AwaitingAdoption" },
        { "adopted after its date, on the day of adoption", 0, 10, 10, "Superseded InForce" },
    };

    [Theory]
    [MemberData(nameof(Adoptions))]
    public void AWideningAppliesFromTheLaterOfItsDateAndItsAdoption(string when, int effectiveInDays, int? adoptedInDays, int onDay, string standings)
    {
        var wider = Schedule(1, effectiveInDays, "Arrestee Victim", MaskingAction.Show, MaskingAction.Redact);
        var adoptedOn = adoptedInDays is { } day && day <= onDay ? new Dictionary<int, DateOnly> { [wider.Id] = Today.AddDays(day) } : [];

        var states = ScheduleInForce.States([Original, wider], Today.AddDays(onDay), adoptedOn);

        Assert.True(standings == string.Join(' ', states.Select(s => s.Standing)), $"{when}: {string.Join(' ', states.Select(s => s.Standing))}");
    }

    [Fact]
    public void AnAmendmentAfterOneAwaitingAdoptionIsComparedWithTheScheduleThatBinds()
    {
        var wider = Schedule(1, 0, "Arrestee Victim Witness", MaskingAction.Show, MaskingAction.Show);
        var narrowerThanThatButWiderThanTheOriginal = Schedule(2, 0, "Arrestee Victim", MaskingAction.Show, MaskingAction.Redact);

        var states = ScheduleInForce.States([Original, wider, narrowerThanThatButWiderThanTheOriginal], Today, NoneAdopted);

        Assert.Equal([AmendmentStanding.InForce, AmendmentStanding.AwaitingAdoption, AmendmentStanding.AwaitingAdoption], states.Select(s => s.Standing));
        Assert.Equal(["Victims would become visible to the agency."], states[2].Reveals);
    }

    [Fact]
    public async Task TheLiaisonSeesAWiderScheduleNeverAndANarrowerOneFromItsDate()
    {
        var demoId = await DemoAmendments.DemoIdAsync(host);
        var before = await LiaisonPolicyAsync();
        Assert.DoesNotContain(InvolvementRole.Victim, before.VisibleRoles);
        Assert.Equal(MaskingAction.Redact, before.ActionFor(RecordFields.Race));
        Assert.Equal(MaskingAction.Show, before.ActionFor(RecordFields.Name));

        var wider = await DemoAmendments.AddAsync(host, demoId, days: 30, f =>
        {
            f.VisibleRoles.Add(InvolvementRole.Victim);
            f.Fields[RecordFields.Race] = MaskingAction.Show;
        });
        Assert.Contains("only once the signatory parties adopt it by ballot", wider, StringComparison.Ordinal);
        var narrower = await DemoAmendments.AddAsync(host, demoId, days: 10, f => f.Fields[RecordFields.Name] = MaskingAction.Partial);
        Assert.Contains("narrows what the agency sees", narrower, StringComparison.Ordinal);

        var now = await LiaisonPolicyAsync();
        Assert.Equal((false, MaskingAction.Redact, MaskingAction.Show),
            (now.VisibleRoles.Contains(InvolvementRole.Victim), now.ActionFor(RecordFields.Race), now.ActionFor(RecordFields.Name)));

        host.Time.Advance(TimeSpan.FromDays(40));

        var later = await LiaisonPolicyAsync();
        Assert.Equal((false, MaskingAction.Redact, MaskingAction.Partial),
            (later.VisibleRoles.Contains(InvolvementRole.Victim), later.ActionFor(RecordFields.Race), later.ActionFor(RecordFields.Name)));
        Assert.Contains("amendment 3", later.Source, StringComparison.Ordinal);

        await using var scope = await host.ScopeAsAsync("auditor@portal.local");
        var page = (await scope.ServiceProvider.GetRequiredService<AgreementService>().GetAsync(demoId))!;
        Assert.Equal([AmendmentStanding.Superseded, AmendmentStanding.Superseded, AmendmentStanding.AwaitingAdoption, AmendmentStanding.InForce],
            page.Amendments.Select(m => m.Standing));
        Assert.Equal(["Victims would become visible to the agency.", "Race: Redact → Show (the agency would see more)."], page.Amendments[2].Reveals);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<Portal.Data.PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, await db.AccessLog.CountAsync(e => e.Flagged && e.Filters!.Contains("amendment") && e.Target == $"agreement:{DemoAgreement.Reference}"));
    }

    private async Task<RolePolicy> LiaisonPolicyAsync()
    {
        var access = await TestAgencies.AccessAsync(host, Roles.AgencyLiaison);
        return access.Policy ?? throw new InvalidOperationException(access.Refusal);
    }
}
