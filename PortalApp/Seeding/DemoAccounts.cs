using PortalApp.Authorization;

namespace PortalApp.Seeding;

/// <summary>The demo accounts of DESIGN.md; all share the demo password.</summary>
public static class DemoAccounts
{
    public const string Password = "Portal-demo-2026!";

    /// <summary>A demo account; <see cref="Agency"/> is the short name of a liaison's agency.</summary>
    public sealed record Account(string Email, string DisplayName, string Role, string? Party = null, string? Agency = null);

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin@portal.local", "Portal Administrator", Roles.Admin),
        new("city@portal.local", "Dana Whitfield (City)", Roles.Stakeholder, "City"),
        new("city-alt@portal.local", "Marcus Ortega (City, alternate)", Roles.Stakeholder, "City"),
        new("da@portal.local", "Priya Raman (District Attorney)", Roles.Stakeholder, "DistrictAttorney"),
        new("courts@portal.local", "Hon. Ellen Brooks (Courts)", Roles.Stakeholder, "Courts"),
        new("clerk@portal.local", "Sam Keller (Records Clerk)", Roles.Clerk),
        new("solicitor@portal.local", "Jordan Lee (City Solicitor)", Roles.Solicitor),
        new("liaison@portal.local", "Alex Morgan (ICE Liaison)", Roles.AgencyLiaison, Agency: DemoAgencies.Ice),
        new("fbi-liaison@portal.local", "Chris Dalton (FBI Liaison)", Roles.AgencyLiaison, Agency: DemoAgencies.Fbi),
        new("auditor@portal.local", "Robin Hale (Inspector General)", Roles.Auditor),
    ];
}
