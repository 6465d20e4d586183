namespace PortalApp.Tests.Authorization;

/// <summary>
/// Who may do what, written out by hand. The authorization tests hold the pages, services and navigation against
/// these lines and never against the production <c>CapabilityMap</c>, so a wrong line there fails them.
/// </summary>
internal static class ExpectedAccess
{
    public const string Everyone = "Admin Stakeholder Clerk Solicitor AgencyLiaison Auditor";

    /// <summary>A visitor who has not signed in, as the tables name one.</summary>
    public const string Anonymous = "(anonymous)";

    /// <summary>The public pages, files and services (the transparency record): every role and anyone not signed in.</summary>
    public const string Public = Everyone + " " + Anonymous;

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

    /// <summary>Whether the line admits the role; a null role is an anonymous visitor.</summary>
    public static bool Admits(string roles, string? role) =>
        roles.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(role ?? Anonymous, StringComparer.Ordinal);

    public static IEnumerable<string> NavKeysFor(string role) => NavEntries.Where(e => Admits(e.Value, role)).Select(e => e.Key);
}
