using System.Diagnostics;
using Npgsql;
using Portal.Data.Entities;

namespace PortalApp.Seeding;

/// <summary>
/// PostgreSQL's form of <see cref="RecordBulkLoader"/>: the generated records are collected, then written with
/// binary COPY, one table at a time in foreign-key order; identity sequences are moved past the loaded ids, the
/// tables vacuumed and the planner's statistics refreshed.
/// </summary>
public sealed class PostgresRecordBulkLoader : IRecordSink
{
    private readonly List<Person> persons = [];
    private readonly List<Arrest> arrests = [];
    private readonly List<Charge> charges = [];
    private readonly List<Involvement> involvements = [];

    // The generator reuses its objects between calls, so each row is copied.
    public void Add(Person p) => persons.Add(new Person
    {
        Id = p.Id, FirstName = p.FirstName, LastName = p.LastName, DateOfBirth = p.DateOfBirth, Street = p.Street, City = p.City,
        Zip = p.Zip, Phone = p.Phone, StateId = p.StateId, PlaceOfBirth = p.PlaceOfBirth, Race = p.Race, Ethnicity = p.Ethnicity, Sex = p.Sex,
    });

    public void Add(Arrest a) => arrests.Add(new Arrest { Id = a.Id, DcNumber = a.DcNumber, ArrestedUtc = a.ArrestedUtc, District = a.District, Officer = a.Officer });

    public void Add(Charge c) => charges.Add(new Charge { Id = c.Id, ArrestId = c.ArrestId, Statute = c.Statute, Description = c.Description, Grade = c.Grade });

    public void Add(Involvement i) => involvements.Add(new Involvement
    {
        Id = i.Id, PersonId = i.PersonId, ArrestId = i.ArrestId, Role = i.Role, SearchName = i.SearchName, DcNumber = i.DcNumber,
        ArrestedUtc = i.ArrestedUtc, District = i.District,
    });

    /// <summary>Above this many records the rows are streamed (<see cref="PostgresRecordStreamLoader"/>) rather than collected first.</summary>
    public const int StreamFrom = 200_000;

    public static RecordBulkLoader.Result Replace(string connectionString, int records, int seed)
    {
        if (records >= StreamFrom)
        {
            return PostgresRecordStreamLoader.Replace(connectionString, records, seed);
        }
        var clock = Stopwatch.StartNew();
        var loader = new PostgresRecordBulkLoader();
        new RecordGenerator(seed).Generate(records, loader);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        PostgresRecordColumns.Truncate(connection);
        Copy(connection, PostgresRecordColumns.Persons, loader.persons, PostgresRecordColumns.Write);
        Copy(connection, PostgresRecordColumns.Arrests, loader.arrests, PostgresRecordColumns.Write);
        Copy(connection, PostgresRecordColumns.Charges, loader.charges, PostgresRecordColumns.Write);
        Copy(connection, PostgresRecordColumns.Involvements, loader.involvements, PostgresRecordColumns.Write);
        PostgresRecordColumns.MoveSequences(connection);
        tx.Commit();
        var loaded = clock.Elapsed;
        PostgresRecordColumns.Vacuum(connection);
        return new RecordBulkLoader.Result(records, clock.Elapsed, clock.Elapsed - loaded);
    }

    private static void Copy<T>(NpgsqlConnection connection, string command, List<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {
        using var importer = connection.BeginBinaryImport(command);
        foreach (var row in rows)
        {
            write(importer, row);
        }
        importer.Complete();
    }
}
