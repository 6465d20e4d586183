using System.Globalization;
using System.Security.Claims;
using PortalApp.AccessLogging;
using PortalApp.Authorization;

namespace PortalApp.Audit;

/// <summary>The downloads of /audit: the CSV export and the oversight report's PDF.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/audit").RequireAuthorization(Policies.ReadAuditLog);

        audit.MapGet("/export.csv", async (HttpContext http, ClaimsPrincipal user, AccessLogExport export, TimeProvider time, CancellationToken ct) =>
        {
            var filter = AuditFilter.FromQuery(http.Request.Query);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"access-log-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv\"";
            http.Response.Headers.CacheControl = "no-store";
            try
            {
                // Nothing is written before the export has been logged.
                await export.WriteCsvAsync(filter, http.Response.Body, user, ct);
            }
            catch (AccessLogUnavailableException ex) when (!http.Response.HasStarted)
            {
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await http.Response.WriteAsync(ex.Message, ct);
            }
        });

        audit.MapGet("/report.pdf", async (string? from, string? to, string? agency, ClaimsPrincipal user, OversightReportService reports, CancellationToken ct) =>
        {
            if (!TryDay(from, out var fromDay) || !TryDay(to, out var toDay))
            {
                return Results.BadRequest("Give the period as from=yyyy-MM-dd&to=yyyy-MM-dd.");
            }
            if (OversightReportService.CheckPeriod(fromDay, toDay) is { } problem)
            {
                return Results.BadRequest(problem);
            }
            OversightReport report;
            try
            {
                report = await reports.BuildAsync(fromDay, toDay, asPdf: true, user, agency, ct);
            }
            catch (AccessLogUnavailableException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            var pdf = OversightReportPdf.Render(report);
            return Results.File(pdf, "application/pdf", $"oversight-{(string.IsNullOrEmpty(agency) ? "" : agency + "-")}{fromDay:yyyy-MM-dd}-to-{toDay:yyyy-MM-dd}.pdf");
        });

        return app;
    }

    private static bool TryDay(string? value, out DateOnly day) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
