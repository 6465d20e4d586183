using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.AccessLogging;
using PortalApp.Agencies;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Agencies;

/// <summary>The Admin adds an agency, logged; a bad or taken short name is refused with a message and adds nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class AgencyDirectoryTests(PortalHost host)
{
    [Fact]
    public async Task AnAdminAddsAnAgencyThatFormsOfferAndTheLogRecords()
    {
        var shortName = $"A{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var agencies = scope.ServiceProvider.GetRequiredService<AgencyDirectory>();

        var result = await agencies.CreateAsync(new AgencyInput { Name = "Bureau of Alcohol, Tobacco, Firearms and Explosives", ShortName = shortName });

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains(await agencies.ListAsync(), a => a.ShortName == shortName);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<Portal.Data.PortalDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AccessLog.AnyAsync(e => e.Target == $"agency:{shortName}" && e.UserName == "admin@portal.local"));
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "Some agency", "ICE", "Another agency is already called ICE." },
        { "Some agency", "atf", "The short name is 2 to 16 capital letters, digits or dashes (e.g. ATF)." },
        { "Some agency", "A B", "The short name is 2 to 16 capital letters, digits or dashes (e.g. ATF)." },
        { "   ", "NEWONE", "The agency's name is required." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ABadOrTakenAgencyIsRefusedWithAMessageAndNothingIsAdded(string name, string shortName, string message)
    {
        await using var scope = await host.ScopeAsAsync("admin@portal.local");
        var agencies = scope.ServiceProvider.GetRequiredService<AgencyDirectory>();
        var before = (await agencies.ListAsync()).Count;

        var result = await agencies.CreateAsync(new AgencyInput { Name = name, ShortName = shortName });

        Assert.Equal((false, message), (result.Succeeded, result.Message));
        Assert.Equal(before, (await agencies.ListAsync()).Count);
    }
}
