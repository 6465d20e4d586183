using Microsoft.AspNetCore.Components.Authorization;
using PortalApp.Authorization;

namespace PortalApp.Records;

public static class RecordsEndpoints
{
    /// <summary>GET /records/export.csv?…: the search of the same parameters as CSV, through the same service and its checks.</summary>
    public static IEndpointRouteBuilder MapRecordsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/records/export.csv", async (HttpContext http, AuthenticationStateProvider authState, RecordSearchService records, CancellationToken ct) =>
        {
            // Outside a circuit the authentication state is the request's user.
            ((IHostEnvironmentAuthenticationStateProvider)authState).SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
            var query = RecordQueryString.Parse(key => http.Request.Query[key].FirstOrDefault());
            var export = await records.ExportAsync(query, ct);
            return export.Csv is null
                ? Results.Problem(export.Refusal, statusCode: StatusCodes.Status403Forbidden, title: "Export refused")
                : Results.Stream(stream => export.Csv.WriteToAsync(stream, ct), "text/csv", $"records-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
        }).RequireAuthorization(Policies.BrowseRecords);
        return app;
    }
}
