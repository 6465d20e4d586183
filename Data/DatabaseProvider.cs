using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Data;

/// <summary>`Database:Provider`: SQLite (the embedded default, one server) or PostgreSQL (several instances).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class PortalDatabase
{
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        configuration["Database:Provider"] is { Length: > 0 } name
            ? Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
                ? provider
                : throw new InvalidOperationException($"Database:Provider '{name}' is not one of Sqlite, Postgres.")
            : DatabaseProvider.Sqlite;

    /// <summary>
    /// Registers <c>IDbContextFactory&lt;PortalDbContext&gt;</c> and a scoped <see cref="PortalDbContext"/> that hand out
    /// the provider's derived context, so every caller keeps using the one model type.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString,
        Action<DbContextOptionsBuilder>? configure = null)
    {
        services.AddSingleton<ReferenceDataWrites>();
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextFactory<PostgresPortalDbContext>((sp, o) =>
            {
                UsePostgres(o, connectionString).AddInterceptors(sp.GetRequiredService<ReferenceDataWrites>());
                configure?.Invoke(o);
            });
            services.AddSingleton<IDbContextFactory<PortalDbContext>>(sp => new Upcast<PostgresPortalDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresPortalDbContext>>()));
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
        }
        else
        {
            services.AddDbContextFactory<SqlitePortalDbContext>((sp, o) =>
            {
                UseSqlite(o, connectionString).AddInterceptors(sp.GetRequiredService<ReferenceDataWrites>());
                configure?.Invoke(o);
            });
            services.AddSingleton<IDbContextFactory<PortalDbContext>>(sp => new Upcast<SqlitePortalDbContext>(sp.GetRequiredService<IDbContextFactory<SqlitePortalDbContext>>()));
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
        }
        return services;
    }

    /// <summary>A context outside dependency injection (command-line verbs, tests that open the database themselves).</summary>
    public static PortalDbContext Create(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Postgres
        ? new PostgresPortalDbContext((DbContextOptions<PostgresPortalDbContext>)UsePostgres(new DbContextOptionsBuilder<PostgresPortalDbContext>(), connectionString).Options)
        : new SqlitePortalDbContext((DbContextOptions<SqlitePortalDbContext>)UseSqlite(new DbContextOptionsBuilder<SqlitePortalDbContext>(), connectionString).Options);

    // Two migrations change a column's type, which SQLite can only do by rebuilding the table with foreign keys off,
    // outside a transaction; EF warns on every first start that an interrupted rebuild would need repair by hand.
    // The portal migrates before it serves anything, and on a first start there is nothing to lose: logged as
    // information, not as a warning an operator should act on.
    private static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas())
            .ConfigureWarnings(w => w.Log(
                (RelationalEventId.NonTransactionalMigrationOperationWarning, Microsoft.Extensions.Logging.LogLevel.Information),
                (SqliteEventId.TableRebuildPendingWarning, Microsoft.Extensions.Logging.LogLevel.Information)));

    private static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString);

    private sealed class Upcast<T>(IDbContextFactory<T> inner) : IDbContextFactory<PortalDbContext> where T : PortalDbContext
    {
        public PortalDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}

public static class PortalDbContextProvider
{
    /// <summary>Which provider this context runs on.</summary>
    public static DatabaseProvider Provider(this PortalDbContext db) =>
        db is PostgresPortalDbContext ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
}
