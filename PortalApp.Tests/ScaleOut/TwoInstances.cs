using Portal.Data;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.ScaleOut;

/// <summary>
/// Two portal processes on two ports sharing one fresh PostgreSQL database: always PostgreSQL, whichever provider
/// the rest of the suite runs on, because sharing one database between servers is what PostgreSQL is here for.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public TestDatabase Database { get; } = TestDatabase.Create("portal-scale", DatabaseProvider.Postgres);

    public PortalProcess A { get; private set; } = null!;

    public PortalProcess B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        A = new PortalProcess(Database);
        B = new PortalProcess(Database);
        // Started together: the instances take turns at migrating and seeding the empty database.
        await Task.WhenAll(A.StartAsync(), B.StartAsync());
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<TwoInstances>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "scale-out";
}
