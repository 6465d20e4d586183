using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>The model on SQLite; exists so that SQLite's migrations (Migrations/Sqlite) are found for it alone.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);
