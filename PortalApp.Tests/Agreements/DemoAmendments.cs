using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Agreements;
using PortalApp.Common;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Agreements;

/// <summary>The demo agreement and amendments added to it by the Admin, for the schedule tests.</summary>
public static class DemoAmendments
{
    public static async Task<int> DemoIdAsync(PortalHost host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<Portal.Data.PortalDbContext>>().CreateDbContextAsync();
        return await db.Agreements.Where(a => a.Reference == DemoAgreement.Reference).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Adds an amendment dated <paramref name="days"/> from the city's today, as the Admin; returns the service's message.</summary>
    public static async Task<string> AddAsync(PortalHost host, int agreementId, int days, Action<AmendmentForm> change)
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var admin = scope.ServiceProvider.GetRequiredService<AgreementAdminService>();
        var form = (await admin.AmendmentFormForAsync(agreementId))!;
        form.Title = $"A change in {days} days";
        form.Summary = "Changes what the agency sees.";
        form.EffectiveDate = PortalApp.Common.PortalTime.Today(host.Time).AddDays(days).ToDateTime(TimeOnly.MinValue);
        change(form);
        var result = await admin.AddAmendmentAsync(agreementId, form);
        Assert.True(result.Succeeded, result.Message);
        return result.Message;
    }
}
