using System.Diagnostics;
using Npgsql;
using Portal.Data.Entities;

namespace PortalApp.Seeding;

/// <summary>
/// PostgreSQL's loader for large loads (from <see cref="PostgresRecordBulkLoader.StreamFrom"/> records): nothing is
/// collected. The four tables lose their secondary indexes and foreign keys, four connections COPY the rows as they are
/// generated (PostgreSQL parses them on the other core), and the indexes and keys are built afterwards, each in one
/// sorted pass rather than row by row. Memory stays flat whatever the count. The keys are checked when they are added
/// back; a load that fails part-way puts back whatever indexes and keys are missing before it reports.
/// </summary>
public sealed class PostgresRecordStreamLoader : IRecordSink, IDisposable
{
    private readonly List<NpgsqlConnection> connections = [];
    private readonly NpgsqlBinaryImporter persons;
    private readonly NpgsqlBinaryImporter arrests;
    private readonly NpgsqlBinaryImporter charges;
    private readonly NpgsqlBinaryImporter involvements;

    private PostgresRecordStreamLoader(string connectionString)
    {
        try
        {
            persons = Open(connectionString, PostgresRecordColumns.Persons);
            arrests = Open(connectionString, PostgresRecordColumns.Arrests);
            charges = Open(connectionString, PostgresRecordColumns.Charges);
            involvements = Open(connectionString, PostgresRecordColumns.Involvements);
        }
        catch
        {
            // Closing a connection abandons its COPY; nothing was written.
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
            throw;
        }
    }

    public void Add(Person person) => PostgresRecordColumns.Write(persons, person);

    public void Add(Arrest arrest) => PostgresRecordColumns.Write(arrests, arrest);

    public void Add(Charge charge) => PostgresRecordColumns.Write(charges, charge);

    public void Add(Involvement involvement) => PostgresRecordColumns.Write(involvements, involvement);

    public static RecordBulkLoader.Result Replace(string connectionString, int records, int seed)
    {
        var clock = Stopwatch.StartNew();
        // Index builds and VACUUM over millions of rows outlast the default 30-second command timeout.
        connectionString = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ToString();
        using var control = new NpgsqlConnection(connectionString);
        control.Open();
        var rebuild = SecondaryStructures(control);
        using (var tx = control.BeginTransaction())
        {
            PostgresRecordColumns.Truncate(control);
            foreach (var drop in rebuild.Drops)
            {
                PostgresRecordColumns.Execute(control, drop);
            }
            tx.Commit();
        }
        TimeSpan loaded;
        try
        {
            using (var loader = new PostgresRecordStreamLoader(connectionString))
            {
                new RecordGenerator(seed).Generate(records, loader);
                loader.Complete();
            }
            loaded = clock.Elapsed;
            PostgresRecordColumns.Execute(control, "SET maintenance_work_mem = '1GB'");
            foreach (var create in rebuild.Creates)
            {
                PostgresRecordColumns.Execute(control, create);
            }
        }
        catch
        {
            PutBack(control, rebuild);
            throw;
        }
        PostgresRecordColumns.MoveSequences(control);
        PostgresRecordColumns.Vacuum(control);
        return new RecordBulkLoader.Result(records, clock.Elapsed, clock.Elapsed - loaded);
    }

    /// <summary>The statements that drop the record tables' foreign keys and secondary indexes, and those that build them again.</summary>
    private sealed record Structures(List<string> Drops, List<string> Creates);

    /// <summary>
    /// Keys are dropped first (an index may serve one) and built last (each check then uses the indexes). Primary keys
    /// and the indexes behind constraints stay: the loaded ids arrive in order, so their indexes only grow at the end.
    /// </summary>
    private static Structures SecondaryStructures(NpgsqlConnection connection)
    {
        var tables = string.Join(", ", PostgresRecordColumns.Tables.Select(t => $"'\"{t}\"'::regclass"));
        var keys = new List<(string Drop, string Create)>();
        var indexes = new List<(string Drop, string Create)>();
        using var command = new NpgsqlCommand($"""
            SELECT true, format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
            FROM pg_constraint WHERE contype = 'f' AND conrelid IN ({tables})
            UNION ALL
            SELECT false, format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
            FROM pg_index i WHERE i.indrelid IN ({tables}) AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, connection);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                (reader.GetBoolean(0) ? keys : indexes).Add((reader.GetString(1), reader.GetString(2)));
            }
        }
        return new Structures(
            [.. keys.Select(k => k.Drop), .. indexes.Select(i => i.Drop)],
            [.. indexes.Select(i => i.Create), .. keys.Select(k => k.Create)]);
    }

    private static void PutBack(NpgsqlConnection connection, Structures structures)
    {
        foreach (var create in structures.Creates)
        {
            try
            {
                PostgresRecordColumns.Execute(connection, create);
            }
            catch (PostgresException)
            {
                // Built before the failure, or the failure itself: the caller reports the first error.
            }
        }
    }

    private NpgsqlBinaryImporter Open(string connectionString, string copy)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        connections.Add(connection);
        return connection.BeginBinaryImport(copy);
    }

    private void Complete()
    {
        foreach (var importer in new[] { persons, arrests, charges, involvements })
        {
            importer.Complete();
        }
    }

    public void Dispose()
    {
        foreach (var importer in new[] { persons, arrests, charges, involvements })
        {
            importer.Dispose();
        }
        foreach (var connection in connections)
        {
            connection.Dispose();
        }
    }
}
