namespace PortalApp.Tests.Authorization;

/// <summary>
/// Who may do what, written out by hand. The authorization tests hold the pages, services and navigation against
/// these lines and never against the production <c>CapabilityMap</c>, so a wrong line there fails them.
/// </summary>
internal static class ExpectedAccess
{
    public const string Everyone = "Admin Stakeholder Clerk Solicitor AgencyLiaison Auditor";

    /// <summary>A visitor who is not signed in, in a line that admits one.</summary>
    public const string Anonymous = "(anonymous)";

    /// <summary>Public pages and services: every role, and visitors who are not signed in.</summary>
    public const string EveryoneAndAnonymous = Everyone + " " + Anonymous;

    /// <summary>Navigation entry → the roles whose drawer and dashboard offer it.</summary>
    public static readonly IReadOnlyDictionary<string, string> NavEntries = new Dictionary<string, string>
    {
        ["agreements"] = "Admin Stakeholder Solicitor Clerk Auditor",
        ["records"] = "Clerk Stakeholder AgencyLiaison",
        ["letters"] = "Solicitor Stakeholder Admin Auditor",
        ["audit"] = "Auditor Admin",
        ["users"] = "Admin",
        ["masking"] = "Admin",
    };

    /// <summary>Role → the words the user's chip shows for it.</summary>
    public static readonly IReadOnlyDictionary<string, string> RoleWords = new Dictionary<string, string>
    {
        ["Admin"] = "Administrator",
        ["Stakeholder"] = "Stakeholder",
        ["Clerk"] = "Clerk",
        ["Solicitor"] = "Solicitor",
        ["AgencyLiaison"] = "Agency liaison",
        ["Auditor"] = "Auditor",
    };

    public static bool Admits(string roles, string? role) =>
        roles.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(role ?? Anonymous, StringComparer.Ordinal);

    public static IEnumerable<string> NavKeysFor(string role) => NavEntries.Where(e => Admits(e.Value, role)).Select(e => e.Key);
}
