using Portal.Bench.Capacity;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Capacity;

/// <summary>The portal the circuit bench starts: this build, in Production with fresh keys, on its own SQLite file.</summary>
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class PortalUnderTestTests
{
    [Fact]
    public async Task TheBenchStartsAProductionPortalThatAnswersItsProbe()
    {
        await using var portal = await PortalUnderTest.StartAsync(new CapacityOptions { DemoRecords = 60 });

        var reading = await portal.ReadAsync(collect: false);

        Assert.NotNull(reading);
        Assert.Equal(0, reading.CircuitsOpen);
        Assert.Equal(0, portal.ServerErrors);
    }

    [Fact]
    public async Task TheRunsDatabaseAndCertificateAreGoneWhenTheBenchEnds()
    {
        var portal = await PortalUnderTest.StartAsync(new CapacityOptions { DemoRecords = 60 });
        var database = Path.Combine(Path.GetTempPath(), $"portal-capacity-{portal.BaseUri.Port}.db");
        Assert.True(File.Exists(PortalUnderTest.CertificateOf(database)));

        await portal.DisposeAsync();

        Assert.False(File.Exists(database));
        Assert.False(File.Exists(PortalUnderTest.CertificateOf(database)));
    }
}
