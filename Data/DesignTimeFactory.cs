using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Data;

/// <summary>Lets `dotnet ef --context SqlitePortalDbContext` build the context without starting the web app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        (SqlitePortalDbContext)PortalDatabase.Create(DatabaseProvider.Sqlite, "Data Source=design.db");
}

/// <summary>The same for `--context PostgresPortalDbContext`; adding a migration needs no server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        (PostgresPortalDbContext)PortalDatabase.Create(DatabaseProvider.Postgres, "Host=localhost;Database=portal_design");
}
