using System.Diagnostics;
using Npgsql;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// The loopback PostgreSQL server the Postgres run of the suite uses. When Debian's cluster is installed but down it
/// is started (pg_ctlcluster), and the test role is created; when PostgreSQL is not installed the tests fail with a
/// message saying so, never skip.
/// </summary>
public static class PostgresServer
{
    public const string Role = "portal_test";
    public const string Password = "portal-test";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool ready;

    public static string ConnectionString(string database)
    {
        EnsureRunning();
        return $"Host=127.0.0.1;Port=5432;Database={database};Username={Role};Password={Password};Include Error Detail=true";
    }

    public static async Task DropDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        // FORCE may not end an autovacuum worker that is visiting the database (42501) unless the role holds
        // pg_signal_backend, which a role made before that grant lacks; the worker is done within moments.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                await Task.Delay(500);
            }
        }
    }

    private static void EnsureRunning()
    {
        Gate.Wait();
        try
        {
            if (ready)
            {
                return;
            }
            if (!CanConnect())
            {
                if (!File.Exists("/usr/bin/pg_lsclusters"))
                {
                    throw new InvalidOperationException(
                        "PORTAL_TEST_PROVIDER=Postgres needs PostgreSQL on this machine: apt-get install -y postgresql (then the tests start the cluster and create the role).");
                }
                var cluster = Run("pg_lsclusters", "--no-header").Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
                    ?? throw new InvalidOperationException("PostgreSQL is installed but has no cluster: pg_createcluster 15 main --start.");
                var fields = cluster.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields[3] != "online")
                {
                    Run("pg_ctlcluster", fields[0], fields[1], "start");
                }
                Run("runuser", "-u", "postgres", "--", "psql", "-v", "ON_ERROR_STOP=1", "-c",
                    $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{Role}') THEN CREATE ROLE {Role} LOGIN CREATEDB PASSWORD '{Password}'; END IF; GRANT pg_signal_backend TO {Role}; END $$;");
                if (!CanConnect())
                {
                    throw new InvalidOperationException($"PostgreSQL was started, but role {Role} cannot connect to 127.0.0.1:5432.");
                }
            }
            ready = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static bool CanConnect()
    {
        try
        {
            using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port=5432;Database=postgres;Username={Role};Password={Password};Timeout=3;Pooling=False");
            connection.Open();
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException or TimeoutException)
        {
            return false;
        }
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
    }
}
