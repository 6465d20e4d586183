using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using PortalApp.Authorization;
using PortalApp.Live;

namespace PortalApp.ScaleOut;

/// <summary>
/// Carries live changes between instances that share one PostgreSQL database. A change published on this instance
/// (after its transaction committed) is sent with NOTIFY; a change another instance sent arrives through LISTEN on a
/// dedicated connection and is delivered to this instance's listeners only, so nothing echoes back. The same channel
/// wakes the termination scheduler wherever it runs, and ends a revoked account's circuits on every instance.
/// Reconnects after a dropped connection.
/// </summary>
public sealed class PostgresChangeBridge(
    IDbContextFactory<PortalDbContext> dbFactory,
    BallotNotifier notifier,
    TerminationSignal terminations,
    ReferenceDataWrites referenceData,
    AccountStanding accounts,
    ILogger<PostgresChangeBridge> logger) : BackgroundService
{
    public const string Channel = "portal_changes";

    private readonly string origin = Guid.NewGuid().ToString("N");
    private NpgsqlDataSource? sender;

    /// <summary>What travels on the channel: who sent it and what changed (a ballot change, a termination wake-up, or a revoked account).</summary>
    private sealed record Message(string Origin, BallotChange? Change, bool WakeTerminations, string? RevokedUserId = null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            connectionString = db.Database.GetConnectionString()!;
        }
        sender = NpgsqlDataSource.Create(connectionString);
        notifier.Published += OnLocalChange;
        terminations.Raised += OnLocalTerminationWake;
        accounts.Revoked += OnLocalRevocation;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(connectionString, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Listening for other instances' changes failed; reconnecting in a second.");
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            notifier.Published -= OnLocalChange;
            terminations.Raised -= OnLocalTerminationWake;
            accounts.Revoked -= OnLocalRevocation;
            await sender.DisposeAsync();
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 15, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => Receive(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }
        logger.LogInformation("Listening on {Channel} for other instances' changes.", Channel);
        while (true)
        {
            await connection.WaitAsync(ct);
        }
    }

    private void Receive(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Message>(payload);
            if (message is null || message.Origin == origin)
            {
                return;
            }
            if (message.Change is { } change)
            {
                if (change.Kind is not BallotChangeKind.VoteCast)
                {
                    // Another instance changed an agreement (or decided its ballot): cached copies here are stale.
                    referenceData.Bump();
                }
                notifier.Deliver(change);
            }
            if (message.WakeTerminations)
            {
                terminations.WakeHere();
            }
            if (message.RevokedUserId is { } userId)
            {
                accounts.Deliver(userId);
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a malformed message on {Channel}.", Channel);
        }
    }

    private void OnLocalChange(BallotChange change) => _ = SendAsync(new Message(origin, change, false));

    private void OnLocalTerminationWake() => _ = SendAsync(new Message(origin, null, true));

    private void OnLocalRevocation(string userId) => _ = SendAsync(new Message(origin, null, false, userId));

    private async Task SendAsync(Message message)
    {
        try
        {
            await using var command = sender!.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = Channel });
            command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(message) });
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex)
        {
            // This instance's own viewers already have the change; the others see it on their next reload.
            logger.LogWarning(ex, "Could not tell other instances about {Message}.", message);
        }
    }
}
