namespace PortalApp.Authorization;

/// <summary>The Identity roles of DESIGN.md.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Stakeholder = nameof(Stakeholder);
    public const string Clerk = nameof(Clerk);
    public const string Solicitor = nameof(Solicitor);
    public const string AgencyLiaison = nameof(AgencyLiaison);
    public const string Auditor = nameof(Auditor);

    public static readonly IReadOnlyList<string> All = [Admin, Stakeholder, Clerk, Solicitor, AgencyLiaison, Auditor];

    public const string PartyClaim = "party";

    public const string DisplayNameClaim = "display_name";

    /// <summary>The liaison's agency: its id (what access follows) and its short name (what logs and the chip show).</summary>
    public const string AgencyClaim = "agency";

    public const string AgencyNameClaim = "agency_name";
}
