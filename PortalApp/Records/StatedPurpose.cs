using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace PortalApp.Records;

/// <summary>Why the liaison is searching (as the CJIS audit record wants): a reason code and, normally, a case number.</summary>
public sealed record StatedPurpose(string ReasonCode, string? CaseNumber, DateTimeOffset StatedUtc)
{
    public static readonly IReadOnlyList<string> ReasonCodes =
    [
        "Criminal investigation",
        "Fugitive apprehension",
        "Warrant service",
        "Court proceeding",
        "Officer safety",
    ];

    public string Describe() => $"reason: {ReasonCode}; case: {(string.IsNullOrWhiteSpace(CaseNumber) ? "none stated" : CaseNumber)}";
}

/// <summary>The purpose each liaison stated, kept server-side so a crafted call cannot skip it.</summary>
public sealed class PurposeRegistry(TimeProvider time, IOptions<RecordsOptions> options)
{
    private readonly ConcurrentDictionary<string, StatedPurpose> purposes = new(StringComparer.Ordinal);

    public void Set(ClaimsPrincipal user, StatedPurpose purpose) => purposes[Key(user)] = purpose;

    public StatedPurpose? Get(ClaimsPrincipal user) =>
        purposes.TryGetValue(Key(user), out var purpose)
        && time.GetUtcNow() - purpose.StatedUtc < TimeSpan.FromHours(options.Value.PurposeValidHours)
            ? purpose
            : null;

    public void Clear(ClaimsPrincipal user) => purposes.TryRemove(Key(user), out _);

    private static string Key(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A purpose needs a signed-in user.");
}
