using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Authorization;
using PortalApp.Masking;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Records;

namespace PortalApp.Tests.Masking;

[Collection(AppCollection.Name)]
public sealed class MaskingCasesTests(PortalHost host)
{
    /// <summary>Every role that may read records × every field × every action: generated, not listed.</summary>
    public static TheoryData<string, string, MaskingAction> Cases()
    {
        var data = new TheoryData<string, string, MaskingAction>();
        foreach (var role in MaskingPolicyService.PreviewRoles)
            foreach (var field in RecordFields.All)
                foreach (var action in Enum.GetValues<MaskingAction>())
                    data.Add(role, field, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AValueReachesComponentsRawOnlyWhenTheActionIsShow(string role, string field, MaskingAction action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var access = await TestAgencies.AccessAsync(host, role);
        var inForce = access.Policy!;
        var fields = RecordFields.All.ToDictionary(f => f, inForce.ActionFor);
        fields[field] = action;
        var policy = inForce with { Fields = fields };
        var personId = await RecordTestData.PersonWithRoleAsync(host, InvolvementRole.Arrestee, only: false);
        var raw = await RecordTestData.RawPersonAsync(host, personId);

        var detail = await scope.ServiceProvider.GetRequiredService<MaskingService>().ReadPersonAsync(policy with { VisibleRoles = new HashSet<InvolvementRole>(Enum.GetValues<InvolvementRole>()) }, personId);

        var arrest = detail!.Arrests[0];
        var arrestFields = new Dictionary<string, PortalApp.Masking.MaskedField>
        {
            [RecordFields.DcNumber] = arrest.DcNumber, [RecordFields.ArrestDate] = arrest.ArrestDate, [RecordFields.District] = arrest.District,
            [RecordFields.Officer] = arrest.Officer, [RecordFields.Charges] = arrest.Charges,
        };
        foreach (var (key, value) in await RecordTestData.RawFirstArrestAsync(host, personId))
        {
            raw[key] = value;
        }
        var shown = detail.Person.TryGetValue(field, out var personValue) ? personValue : arrestFields[field];
        Assert.Equal(action, shown.Action);
        if (action == MaskingAction.Show)
        {
            Assert.Equal(raw[field], shown.Text);
        }
        else
        {
            Assert.NotEqual(raw[field], shown.Text);
            if (raw[field].Length > 2)
            {
                Assert.DoesNotContain(raw[field], shown.Text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void PseudonymsAreStableAndKeyed()
    {
        var pseudonyms = host.Services.GetRequiredService<Pseudonymizer>();
        Assert.Equal(pseudonyms.For(Roles.AgencyLiaison, RecordFields.StateId, "12 345 678"), pseudonyms.For(Roles.AgencyLiaison, RecordFields.StateId, "12 345 678"));
        Assert.NotEqual(pseudonyms.For(Roles.AgencyLiaison, RecordFields.StateId, "12 345 678"), pseudonyms.For(Roles.AgencyLiaison, RecordFields.StateId, "12 345 679"));
        Assert.DoesNotContain("345", pseudonyms.For(Roles.AgencyLiaison, RecordFields.StateId, "12 345 678"), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoRolesSeeDifferentTokensForTheSamePerson()
    {
        var masking = host.Services.GetRequiredService<MaskingService>();
        RolePolicy Pseudonymous(string role) => new(role, new Dictionary<string, MaskingAction> { [RecordFields.StateId] = MaskingAction.Pseudonym },
            new HashSet<InvolvementRole> { InvolvementRole.Arrestee }, "test");

        var liaison = masking.Mask(Pseudonymous(Roles.AgencyLiaison), RecordFields.StateId, "12 345 678").Text;
        var stakeholder = masking.Mask(Pseudonymous(Roles.Stakeholder), RecordFields.StateId, "12 345 678").Text;

        Assert.StartsWith("PSN-", liaison, StringComparison.Ordinal);
        Assert.StartsWith("PSN-", stakeholder, StringComparison.Ordinal);
        Assert.NotEqual(liaison, stakeholder);
        Assert.Equal(liaison, masking.Mask(Pseudonymous(Roles.AgencyLiaison), RecordFields.StateId, "12 345 678").Text);
    }

    [Fact]
    public async Task SavingThePolicyMakesANewVersionAndLogsBeforeAndAfter()
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var service = scope.ServiceProvider.GetRequiredService<MaskingPolicyService>();
        var draft = await service.DraftFromCurrentAsync();
        var before = draft.Fields[Roles.Stakeholder][RecordFields.Officer];
        var after = before == MaskingAction.Redact ? MaskingAction.Partial : MaskingAction.Redact;
        draft.Fields[Roles.Stakeholder][RecordFields.Officer] = after;

        Assert.False((await service.SaveAsync(draft, "")).Succeeded);
        var saved = await service.SaveAsync(draft, "Officers' names are not needed for oversight");

        Assert.True(saved.Succeeded, saved.Message);
        var entry = await RecordTestData.LastLogAsync(host);
        Assert.Equal("policy-change", entry.Action);
        Assert.Contains($"Stakeholder.Officer: {before}→{after}", entry.Filters, StringComparison.Ordinal);
        Assert.Equal(after, (await service.CurrentAsync()).Roles[Roles.Stakeholder].ActionFor(RecordFields.Officer));
    }

    [Fact]
    public async Task OnlyTheAdminMayChangeThePolicy()
    {
        await using var scope = await host.ScopeAsAsync("clerk@portal.local");
        var service = scope.ServiceProvider.GetRequiredService<MaskingPolicyService>();
        await Assert.ThrowsAsync<CapabilityDeniedException>(() => service.DraftFromCurrentAsync());
    }
}
