using Microsoft.AspNetCore.RateLimiting;
using PortalApp.AccessLogging;

namespace PortalApp.Transparency;

/// <summary>/transparency.csv and /transparency.json: the page's data for journalists and open-data portals.</summary>
public static class TransparencyEndpoints
{
    public static IEndpointRouteBuilder MapTransparencyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/transparency.csv", (TransparencyService service, CancellationToken ct) =>
                FileAsync(service, "CSV", TransparencyCsv.Write, "text/csv; charset=utf-8", "transparency.csv", ct))
            .AllowAnonymous().RequireRateLimiting(PublicReadLimit.Policy);
        app.MapGet("/transparency.json", (TransparencyService service, CancellationToken ct) =>
                FileAsync(service, "JSON", TransparencyJson.Write, "application/json; charset=utf-8", "transparency.json", ct))
            .AllowAnonymous().RequireRateLimiting(PublicReadLimit.Policy);
        return app;
    }

    private static async Task<IResult> FileAsync(
        TransparencyService service, string what, Func<TransparencyRecord, byte[]> write, string contentType, string name, CancellationToken ct)
    {
        try
        {
            // Logged before anything is handed over, as every read is.
            var record = await service.ReadAsync(what, ct);
            return Results.File(write(record), contentType, name);
        }
        catch (AccessLogUnavailableException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
