using Microsoft.EntityFrameworkCore;
using Portal.Data;
using PortalApp.AccessLogging;
using PortalApp.Audit;
using PortalApp.Authorization;
using PortalApp.Components;
using PortalApp.Letters;
using PortalApp.Live;
using PortalApp.ScaleOut;
using PortalApp.Seeding;
using PortalApp.Transparency;

namespace PortalApp.Hosting;

public static class PortalPipeline
{
    public static WebApplication UsePortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        // Behind a reverse proxy on this machine (docs/nginx/portal.conf) the client's address and scheme come from its
        // X-Forwarded-* headers; only loopback proxies are trusted, the framework's default.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
        });
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            ClientInfoCapture.Capture(context, context.RequestServices.GetRequiredService<ClientInfo>(), "web");
            await next();
        });
        app.UseRateLimiter();
        Verify.VerifyUploads.UseVerifyUploads(app);
        app.UseAuthentication();
        app.UseTwoFactorEnrolmentRedirect(app.Configuration, app.Environment);
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapAuditEndpoints();
        app.MapHealth();
        Records.RecordsEndpoints.MapRecordsEndpoints(app);
        app.MapLetterEndpoints();
        app.MapTransparencyEndpoints();
        app.MapCapacityProbe();
        return app;
    }

    private static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", async (IDbContextFactory<PortalDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new { status = "healthy", database = "reachable" })
                : Results.Problem("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();

    /// <summary>
    /// Applies migrations, turns on WAL (SQLite) and seeds the demo on an empty database. Instances starting together
    /// on one PostgreSQL database take turns, so the migrations and the seed run once.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await PostgresDatabase.EnsureExistsAsync(services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), ct);
        await services.GetRequiredService<ClusterLease>().RunAloneAsync(ClusterDuty.PrepareDatabase, async () =>
        {
            var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                // A migration that rebuilds an index of millions of records outlasts the default 30-second command timeout.
                db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
                await db.Database.MigrateAsync(ct);
                if (db.Provider() == DatabaseProvider.Sqlite)
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
                }
            }
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(ct);
        }, ct);
    }
}
