using System.Threading.RateLimiting;
using PortalApp.Common;

namespace PortalApp.Hosting;

/// <summary>Sign-in and /verify rate limiting, and the security headers on every response.</summary>
public static class PortalSecurity
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Portal:SignInPermitsPerMinute", 10);
        var verifyPermits = configuration.GetValue("Letters:VerifyPermitsPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context.Request) ? RateLimits.PerAddressPerMinute(context, "sign-in", permits)
                : Verify.VerifyUploads.IsVerifyPath(context.Request.Path) ? RateLimits.PerAddressPerMinute(context, "verify", verifyPermits)
                : RateLimitPartition.GetNoLimiter("other"));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(Verify.VerifyUploads.IsVerifyPath(ctx.HttpContext.Request.Path)
                    ? "Too many verification requests from this address. Wait a minute and try again."
                    : "Too many sign-in attempts from this address. Wait a minute and try again.", ct);
            };
        });
        return services;
    }

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/Account/Login", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next();
        });
}
