using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using PortalApp.Common;

namespace PortalApp.Transparency;

/// <summary>
/// Reads of the public record per client address per minute (<c>Portal:PublicReadsPerMinute</c>): each read is a
/// log entry, so an anonymous flood must not grow the log without bound.
/// </summary>
public sealed class PublicReadLimit(int permitsPerMinute) : IRateLimiterPolicy<string>
{
    public const string Policy = "public-read";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await context.HttpContext.Response.WriteAsync("Too many requests from this address. Wait a minute and try again.", ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        Common.RateLimits.PerAddressPerMinute(httpContext, Policy, permitsPerMinute);
}
