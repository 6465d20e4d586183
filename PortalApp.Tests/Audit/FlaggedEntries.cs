using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Audit;

/// <summary>A flagged entry written the way the records feature writes one: through AccessLog, as the liaison.</summary>
public static class FlaggedEntries
{
    public static async Task<AccessLogEntry> AsLiaisonAsync(PortalHost host, string reason, string action = AccessActions.Search)
    {
        await using var scope = await host.ScopeAsAsync("liaison@portal.local");
        var user = await scope.ServiceProvider.GetRequiredService<PortalApp.Authorization.Capabilities>().CurrentUserAsync();
        return await scope.ServiceProvider.GetRequiredService<AccessLog>().AppendAsync(new AccessEvent(action, AccessOutcomes.Refused)
        {
            Actor = user,
            Target = "records search",
            Filters = "placeOfBirth=Honduras",
            ResultCount = 0,
            Flagged = true,
            FlagReason = reason,
            Purpose = "investigation; case 2026-0042",
        });
    }
}
