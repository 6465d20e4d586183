using Microsoft.AspNetCore.Identity;

namespace PortalApp.Common;

/// <summary>What a service tells the page after a change: a clear message either way.</summary>
public sealed record OperationResult(bool Succeeded, string Message)
{
    public static OperationResult Ok(string message) => new(true, message);

    public static OperationResult Fail(string message) => new(false, message);

    public static OperationResult Fail(IdentityResult result) =>
        new(false, string.Join(" ", result.Errors.Select(e => e.Description)));
}
