using System.Security.Claims;

namespace PortalApp.AccessLogging;

/// <summary>What a feature tells the access log. Never put a value here that was masked for the actor.</summary>
public sealed record AccessEvent(string Action, string Outcome = AccessOutcomes.Success)
{
    public ClaimsPrincipal? Actor { get; init; }
    /// <summary>For events before a principal exists (a failed sign-in): the name that was tried.</summary>
    public string? UserName { get; init; }
    public string? Target { get; init; }
    public string? Filters { get; init; }
    public int? ResultCount { get; init; }
    /// <summary>For searches and exports of records: the rows handed over and, for an export, the people in it.</summary>
    public RecordReach? Reach { get; init; }
    public IReadOnlyCollection<string>? RevealedFields { get; init; }
    public bool Flagged { get; init; }
    public string? FlagReason { get; init; }
    public string? Purpose { get; init; }
    /// <summary>Overrides where the event came from (e.g. "system" for retention); normally the request's source.</summary>
    public string? Source { get; init; }
    /// <summary>For the public pages: the entry keeps no client address, so a visitor's read leaves no personal data.</summary>
    public bool WithoutClient { get; init; }
}
