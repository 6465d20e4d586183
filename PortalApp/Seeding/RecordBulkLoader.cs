using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Portal.Data.Entities;

namespace PortalApp.Seeding;

/// <summary>
/// Replaces all arrest records with generated ones as fast as SQLite allows: one connection, prepared
/// inserts in large transactions, no change tracking, secondary indexes dropped during the load and
/// rebuilt (sorted) afterwards.
/// </summary>
public sealed class RecordBulkLoader : IRecordSink, IDisposable
{
    private static readonly string[] Tables = ["Involvements", "Charges", "Arrests", "Persons"];
    private const int RowsPerTransaction = 200_000;

    private readonly SqliteConnection connection;
    private readonly SqliteCommand person;
    private readonly SqliteCommand arrest;
    private readonly SqliteCommand charge;
    private readonly SqliteCommand involvement;
    private SqliteTransaction? transaction;
    private int rowsInTransaction;

    public sealed record Result(int Records, TimeSpan Elapsed, TimeSpan Indexing)
    {
        public double RecordsPerSecond => Records / Math.Max(Elapsed.TotalSeconds, 0.001);
    }

    private RecordBulkLoader(string connectionString)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        Execute("PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA busy_timeout = 10000;");
        person = Prepare("INSERT INTO Persons (Id, FirstName, LastName, DateOfBirth, Street, City, Zip, Phone, StateId, PlaceOfBirth, Race, Ethnicity, Sex) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)", 13);
        arrest = Prepare("INSERT INTO Arrests (Id, DcNumber, ArrestedUtc, District, Officer) VALUES ($1,$2,$3,$4,$5)", 5);
        charge = Prepare("INSERT INTO Charges (Id, ArrestId, Statute, Description, Grade) VALUES ($1,$2,$3,$4,$5)", 5);
        involvement = Prepare("INSERT INTO Involvements (Id, PersonId, ArrestId, Role, SearchName, DcNumber, ArrestedUtc, District) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)", 8);
    }

    /// <summary>Deletes every record and loads <paramref name="records"/> generated from <paramref name="seed"/>, on either provider.</summary>
    public static Result Replace(Portal.Data.DatabaseProvider provider, string connectionString, int records, int seed) =>
        provider == Portal.Data.DatabaseProvider.Postgres
            ? PostgresRecordBulkLoader.Replace(connectionString, records, seed)
            : Replace(connectionString, records, seed);

    /// <summary>Deletes every record and loads <paramref name="records"/> generated from <paramref name="seed"/> into SQLite.</summary>
    public static Result Replace(string connectionString, int records, int seed)
    {
        var clock = Stopwatch.StartNew();
        // Idle pooled connections would keep the database from leaving WAL mode for the load.
        SqliteConnection.ClearAllPools();
        using var loader = new RecordBulkLoader(connectionString);
        // Without a journal each page is written once instead of twice (WAL, then checkpoint); the old mode returns afterwards.
        var mode = loader.Scalar("PRAGMA journal_mode;");
        loader.Scalar("PRAGMA journal_mode = OFF;");
        var indexes = loader.DropIndexes();
        foreach (var table in Tables)
        {
            loader.Execute($"DELETE FROM {table};");
        }
        loader.Begin();
        new RecordGenerator(seed).Generate(records, loader);
        loader.transaction!.Commit();
        var loaded = clock.Elapsed;
        // Each index is built by one sort of its table: a second core sorts beside the first, and a larger page cache
        // keeps the sorted runs of ten million rows out of the file until they are merged.
        loader.Execute("PRAGMA threads = 2; PRAGMA cache_size = -1048576;");
        foreach (var sql in indexes)
        {
            loader.Execute(sql);
        }
        // Exact statistics for the list's table (sampled ones mistake the three-valued Role for a selective
        // column and send name searches down the wrong index); cheap sampled ones for the rest.
        loader.Execute("PRAGMA analysis_limit = 0; ANALYZE Involvements; PRAGMA analysis_limit = 1000; ANALYZE Persons; ANALYZE Arrests; ANALYZE Charges;");
        loader.Scalar($"PRAGMA journal_mode = {mode};");
        return new Result(records, clock.Elapsed, clock.Elapsed - loaded);
    }

    private List<string> DropIndexes()
    {
        var found = new List<(string Name, string Sql)>();
        using (var query = connection.CreateCommand())
        {
            query.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(',', Tables.Select(t => $"'{t}'"))})";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in found)
        {
            Execute($"DROP INDEX \"{name}\";");
        }
        return found.Select(f => f.Sql).ToList();
    }

    public void Add(Person p) => Insert(person, p.Id, p.FirstName, p.LastName, p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        p.Street, p.City, p.Zip, p.Phone, p.StateId, p.PlaceOfBirth, p.Race, p.Ethnicity, p.Sex);

    public void Add(Arrest a) => Insert(arrest, a.Id, a.DcNumber, a.ArrestedUtc.UtcTicks, a.District, a.Officer);

    public void Add(Charge c) => Insert(charge, c.Id, c.ArrestId, c.Statute, c.Description, c.Grade);

    public void Add(Involvement i) => Insert(involvement, i.Id, i.PersonId, i.ArrestId, (int)i.Role, i.SearchName, i.DcNumber, i.ArrestedUtc.UtcTicks, i.District);

    private void Insert(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        command.ExecuteNonQuery();
        if (++rowsInTransaction >= RowsPerTransaction)
        {
            transaction!.Commit();
            Begin();
        }
    }

    private void Begin()
    {
        transaction?.Dispose();
        transaction = connection.BeginTransaction();
        rowsInTransaction = 0;
        foreach (var command in new[] { person, arrest, charge, involvement })
        {
            command.Transaction = transaction;
        }
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }
        return command;
    }

    private string Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        transaction?.Dispose();
        foreach (var command in new[] { person, arrest, charge, involvement })
        {
            command.Dispose();
        }
        connection.Dispose();
    }
}
