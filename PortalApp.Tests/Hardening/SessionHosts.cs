using Microsoft.AspNetCore.Hosting;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hardening;

/// <summary>
/// The portal in the Production environment on a Kestrel loopback port, as the outside tester ran it: two-factor is
/// required by default (no Portal:RequireTwoFactor setting), and every key Production insists on is set explicitly.
/// </summary>
public sealed class ProductionPortalHost : PortalHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in TestKeys.ProductionSettings())
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>A portal whose sessions end soon: 5 minutes idle, one hour in all (tests move the host's clock).</summary>
public sealed class ShortSessionHost : PortalHost
{
    public const int IdleMinutes = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:IdleTimeoutMinutes", IdleMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Portal:SessionLifetimeHours", "1");
    }
}

[CollectionDefinition(Name)]
public sealed class ProductionTwoFactorCollection : ICollectionFixture<ProductionPortalHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "production-two-factor";
}

[CollectionDefinition(Name)]
public sealed class ShortSessionCollection : ICollectionFixture<ShortSessionHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "short-sessions";
}
