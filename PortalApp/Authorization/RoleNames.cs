namespace PortalApp.Authorization;

/// <summary>The roles in people's words, for every place a role is shown; <see cref="Roles"/> keeps the stored names.</summary>
public static class RoleNames
{
    /// <summary>"Agency liaison" for AgencyLiaison; a name that is no role is shown as it is, and none as "".</summary>
    public static string Of(string? role) => role switch
    {
        Roles.Admin => "Administrator",
        Roles.Stakeholder => "Stakeholder",
        Roles.Clerk => "Clerk",
        Roles.Solicitor => "Solicitor",
        Roles.AgencyLiaison => "Agency liaison",
        Roles.Auditor => "Auditor",
        null => "",
        _ => role,
    };
}
