using Microsoft.Data.Sqlite;

namespace PortalApp.Common;

/// <summary>
/// Runs a write transaction again when SQLite reports the database busy or locked (another writer held the lock
/// past the busy timeout), or PostgreSQL reports a serialization failure or a deadlock it broke. The work must be
/// safe to repeat: it rereads everything inside its own transaction.
/// </summary>
public static class WriteRetry
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static async Task<T> RunAsync<T>(Func<Task<T>> work, int attempts = 6, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception ex) when (attempt < attempts && IsBusy(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), ct);
            }
        }
    }

    public static bool IsBusy(Exception ex) => ex switch
    {
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected } => true,
        { InnerException: { } inner } => IsBusy(inner),
        _ => false,
    };
}
