using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PortalApp.Authorization;
using PortalApp.Components.Layout;
using PortalApp.Live;
using PortalApp.Records;
using PortalApp.Tests.Authorization;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Components;

public sealed class NavigationTests : MudComponentTest
{
    /// <summary>The answer the records offer gives, as the real one would for a role (and, for the liaison, their agreement).</summary>
    private sealed class StatedOffer(RecordsOfferState state) : IRecordsOffer
    {
        public Task<RecordsOfferState> ForCurrentUserAsync(CancellationToken ct = default) => Task.FromResult(state);
    }

    private void Offer(bool offered) =>
        Services.AddSingleton<IRecordsOffer>(new StatedOffer(new RecordsOfferState(offered, null)))
            .AddSingleton(new BallotNotifier(NullLogger<BallotNotifier>.Instance));

    public static TheoryData<string> AllRoles() => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void TheDrawerShowsExactlyTheEntriesTheRoleMayUse(string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized($"{role}@portal.local");
        auth.SetRoles(role);
        var entries = ExpectedAccess.NavKeysFor(role).ToHashSet();
        auth.SetPolicies([Policies.SignedIn, .. NavItems.All.Where(i => entries.Contains(i.Key)).Select(i => i.Policy)]);
        Offer(entries.Contains("records"));

        var menu = RenderWithMud<NavMenu>();

        var shown = menu.FindAll("[data-testid^=nav-]").Select(e => e.GetAttribute("data-testid") ?? "").ToHashSet();
        var expected = entries.Select(k => $"nav-{k}").ToHashSet();
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void TheDrawerOffersTheLiaisonNoRecordsOnceTheirAgreementIsNoLongerInForce()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("liaison@portal.local");
        auth.SetRoles(Roles.AgencyLiaison);
        auth.SetPolicies([Policies.SignedIn, Policies.BrowseRecords]);
        Offer(false);

        var menu = RenderWithMud<NavMenu>();

        Assert.Empty(menu.FindAll("[data-testid=nav-records]"));
    }

    [Fact]
    public void TheUserMenuNamesTheRoleAndTheParty()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("da@portal.local");
        auth.SetRoles(Roles.Stakeholder);
        auth.SetClaims(new Claim(Roles.PartyClaim, "DistrictAttorney"));

        var menu = RenderWithMud<UserMenu>();

        Assert.Equal("da@portal.local", menu.Find("[data-testid=user-name]").TextContent);
        Assert.Contains("Stakeholder · District Attorney", menu.Find("[data-testid=user-role]").TextContent, StringComparison.Ordinal);
    }
}
