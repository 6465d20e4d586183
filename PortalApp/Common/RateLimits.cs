using System.Threading.RateLimiting;

namespace PortalApp.Common;

/// <summary>Rate limits shared by the sign-in, /verify and the public record.</summary>
public static class RateLimits
{
    /// <summary>A one-minute window of permits per client address; the name keeps one limit's counts apart from another's.</summary>
    public static RateLimitPartition<string> PerAddressPerMinute(HttpContext context, string name, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter($"{name} {context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
