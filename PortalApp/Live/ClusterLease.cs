using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace PortalApp.Live;

/// <summary>Duties that one instance at a time carries out; each value is its PostgreSQL advisory lock key.</summary>
public enum ClusterDuty : long
{
    /// <summary>"PortalPD": migrations and the demo seed at start-up.</summary>
    PrepareDatabase = 0x506F7274616C5044,

    /// <summary>"PortalBC": applying default outcomes to ballots that reached their close, and deadline reminders.</summary>
    BallotClosing = 0x506F7274616C4243,

    /// <summary>"PortalTS": marking agreements Terminated at their letters' effective instant.</summary>
    Terminations = 0x506F7274616C5453,

    /// <summary>"PortalAC": changes to accounts, one at a time, so two Admins cannot lock each other out at once.</summary>
    AccountChanges = 0x506F7274616C4143,

    /// <summary>"PortalAS": sealing the access log's head every hour.</summary>
    AuditSeal = 0x506F7274616C4153,
}

/// <summary>
/// Lets several instances on one PostgreSQL database share background duties: a duty runs only while its instance
/// holds a session advisory lock on the duty's key (released on finish, or by the server when the instance dies).
/// The duties themselves recheck their state inside the chain's write lock, so even a duty run just after another
/// instance's finds nothing left to do. On SQLite (one server) every duty simply runs.
/// </summary>
public sealed class ClusterLease(IDbContextFactory<PortalDbContext> dbFactory, ILogger<ClusterLease> logger)
{
    /// <summary>Runs <paramref name="work"/> unless another instance is running the same duty now; false when skipped.</summary>
    public Task<bool> TryRunAsync(ClusterDuty duty, Func<Task> work, CancellationToken ct = default) => RunAsync(duty, work, wait: false, ct);

    /// <summary>Waits for any other instance running the duty to finish, then runs it.</summary>
    public Task RunAloneAsync(ClusterDuty duty, Func<Task> work, CancellationToken ct = default) => RunAsync(duty, work, wait: true, ct);

    private async Task<bool> RunAsync(ClusterDuty duty, Func<Task> work, bool wait, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Provider() != DatabaseProvider.Postgres)
        {
            await work();
            return true;
        }
        await db.Database.OpenConnectionAsync(ct);
        var key = (long)duty;
        if (wait)
        {
            // The wait lasts as long as the other instance's run (a first migration and seed on a busy machine took
            // over 30 s, the default command timeout, and failed the waiting instance's start).
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", ct);
        }
        else if (!(await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").ToListAsync(ct)).Single())
        {
            logger.LogDebug("{Duty} is running on another instance; skipped here.", duty);
            return false;
        }
        try
        {
            await work();
            return true;
        }
        finally
        {
            // A pooled connection keeps session locks until it is reset, so release explicitly.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
        }
    }
}
