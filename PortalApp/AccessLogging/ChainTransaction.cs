using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;

namespace PortalApp.AccessLogging;

/// <summary>
/// Begins a transaction that holds the access-log chain's write lock before it reads anything, so the chain's
/// head cannot move under it and the work inside is serialized with every other writer of the chain, also in
/// other processes. SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, which takes the database's write
/// lock. PostgreSQL: BEGIN, then a transaction-scoped advisory lock on one fixed key, released at commit or rollback.
/// </summary>
public static class ChainTransaction
{
    /// <summary>The advisory lock key of the chain ("PortalAL" in ASCII).</summary>
    public const long PostgresLockKey = 0x506F7274616C414C;

    public static async Task<IDbContextTransaction> BeginAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
            }
            catch
            {
                await tx.DisposeAsync();
                throw;
            }
        }
        return tx;
    }
}
