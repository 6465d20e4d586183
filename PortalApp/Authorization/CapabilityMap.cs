namespace PortalApp.Authorization;

/// <summary>The one place where roles are mapped to capabilities.</summary>
public static class CapabilityMap
{
    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [Policies.SignedIn] = [.. Roles.All],
        [Policies.OwnAccount] = [.. Roles.All],
        [Policies.ReadAgreements] = [Roles.Admin, Roles.Stakeholder, Roles.Solicitor, Roles.Clerk, Roles.Auditor],
        [Policies.ManageAgreements] = [Roles.Admin],
        [Policies.ReadBallots] = [Roles.Admin, Roles.Stakeholder, Roles.Solicitor, Roles.Clerk, Roles.Auditor],
        [Policies.CastVote] = [Roles.Stakeholder],
        [Policies.BrowseRecords] = [Roles.Clerk, Roles.Stakeholder, Roles.AgencyLiaison],
        [Policies.ReadLetters] = [Roles.Solicitor, Roles.Stakeholder, Roles.Admin, Roles.Auditor],
        [Policies.IssueLetter] = [Roles.Solicitor],
        [Policies.ReadAuditLog] = [Roles.Auditor, Roles.Admin],
        // Oversight acknowledges flags; an Admin who manages the accounts does not review their use.
        [Policies.ReviewFlags] = [Roles.Auditor],
        [Policies.ManagePolicy] = [Roles.Admin],
        [Policies.ManageUsers] = [Roles.Admin],
    };

    public static bool Allows(string role, string policy) =>
        RolesFor.TryGetValue(policy, out var roles) && roles.Contains(role);
}
