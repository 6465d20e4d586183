using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Portal.Data;

namespace PortalApp.ScaleOut;

public static class PostgresDatabase
{
    /// <summary>
    /// Creates the PostgreSQL database when it does not exist yet, before anything connects to it (the start-up lock
    /// lives in it). Two instances starting at once may both try; the second finds it created.
    /// </summary>
    public static async Task EnsureExistsAsync(IDbContextFactory<PortalDbContext> dbFactory, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Provider() != DatabaseProvider.Postgres)
        {
            return;
        }
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }
    }
}
