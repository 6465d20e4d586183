using MudBlazor;
using PortalApp.Authorization;

namespace PortalApp.Components.Layout;

/// <summary>The drawer's entries and the capability each needs; the dashboard shows the same entry points.</summary>
public static class NavItems
{
    public sealed record Item(string Key, string Title, string Href, string Policy, string Icon, string Description);

    /// <summary>The entries to show: records only while they are offered to the user (for the liaison, while their agreement is in force).</summary>
    public static IEnumerable<Item> For(Records.RecordsOfferState offer) => All.Where(i => i.Key != "records" || offer.Offered);

    public static readonly IReadOnlyList<Item> All =
    [
        new("agreements", "Agreements", "/agreements", Policies.ReadAgreements, Icons.Material.Filled.Handshake, "The data-sharing agreement, its amendments, ballots and timeline."),
        new("records", "Arrest records", "/records", Policies.BrowseRecords, Icons.Material.Filled.ManageSearch, "Search arrest records, masked for your role."),
        new("letters", "Letters", "/letters", Policies.ReadLetters, Icons.Material.Filled.Mail, "The Solicitor's letters to the counterparty."),
        new("audit", "Access log", "/audit", Policies.ReadAuditLog, Icons.Material.Filled.FactCheck, "Every access, verifiable, with oversight reports."),
        new("users", "Users", "/admin/users", Policies.ManageUsers, Icons.Material.Filled.People, "Accounts, roles, parties, locks and passwords."),
        new("masking", "Masking policy", "/admin/masking", Policies.ManagePolicy, Icons.Material.Filled.VisibilityOff, "Which role sees which field, and how."),
    ];
}
