using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Contexts on a test database from outside the app (e.g. after its process was killed).</summary>
public sealed class DirectContextFactory(TestDatabase database) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => PortalDatabase.Create(database.Provider, database.ConnectionString);
}
