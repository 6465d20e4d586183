using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
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

    public static RecordBulkLoader.Result Replace(string connectionString, int records, int seed)
    {
        var clock = Stopwatch.StartNew();
        var loader = new PostgresRecordBulkLoader();
        new RecordGenerator(seed).Generate(records, loader);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        Execute(connection, """TRUNCATE "Involvements", "Charges", "Arrests", "Persons";""");
        Copy(connection, """COPY "Persons" ("Id", "FirstName", "LastName", "DateOfBirth", "Street", "City", "Zip", "Phone", "StateId", "PlaceOfBirth", "Race", "Ethnicity", "Sex") FROM STDIN (FORMAT BINARY)""",
            loader.persons, (w, p) =>
            {
                w.Write(p.Id, NpgsqlDbType.Integer);
                foreach (var text in new[] { p.FirstName, p.LastName })
                {
                    w.Write(text, NpgsqlDbType.Text);
                }
                w.Write(p.DateOfBirth, NpgsqlDbType.Date);
                foreach (var text in new[] { p.Street, p.City, p.Zip, p.Phone, p.StateId, p.PlaceOfBirth, p.Race, p.Ethnicity, p.Sex })
                {
                    w.Write(text, NpgsqlDbType.Text);
                }
            });
        Copy(connection, """COPY "Arrests" ("Id", "DcNumber", "ArrestedUtc", "District", "Officer") FROM STDIN (FORMAT BINARY)""",
            loader.arrests, (w, a) =>
            {
                w.Write(a.Id, NpgsqlDbType.Integer);
                w.Write(a.DcNumber, NpgsqlDbType.Text);
                w.Write(a.ArrestedUtc.UtcTicks, NpgsqlDbType.Bigint);
                w.Write(a.District, NpgsqlDbType.Integer);
                w.Write(a.Officer, NpgsqlDbType.Text);
            });
        Copy(connection, """COPY "Charges" ("Id", "ArrestId", "Statute", "Description", "Grade") FROM STDIN (FORMAT BINARY)""",
            loader.charges, (w, c) =>
            {
                w.Write(c.Id, NpgsqlDbType.Integer);
                w.Write(c.ArrestId, NpgsqlDbType.Integer);
                w.Write(c.Statute, NpgsqlDbType.Text);
                w.Write(c.Description, NpgsqlDbType.Text);
                w.Write(c.Grade, NpgsqlDbType.Text);
            });
        Copy(connection, """COPY "Involvements" ("Id", "PersonId", "ArrestId", "Role", "SearchName", "DcNumber", "ArrestedUtc", "District") FROM STDIN (FORMAT BINARY)""",
            loader.involvements, (w, i) =>
            {
                w.Write(i.Id, NpgsqlDbType.Integer);
                w.Write(i.PersonId, NpgsqlDbType.Integer);
                w.Write(i.ArrestId, NpgsqlDbType.Integer);
                w.Write((int)i.Role, NpgsqlDbType.Integer);
                w.Write(i.SearchName, NpgsqlDbType.Text);
                w.Write(i.DcNumber, NpgsqlDbType.Text);
                w.Write(i.ArrestedUtc.UtcTicks, NpgsqlDbType.Bigint);
                w.Write(i.District, NpgsqlDbType.Integer);
            });
        foreach (var table in new[] { "Persons", "Arrests", "Charges", "Involvements" })
        {
            Execute(connection, $"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), (SELECT COALESCE(MAX("Id"), 0) + 1 FROM "{table}"), false);""");
        }
        tx.Commit();
        var loaded = clock.Elapsed;
        // VACUUM as well as ANALYZE: it sets the visibility map, without which an index-only scan still visits the table.
        Execute(connection, """VACUUM (ANALYZE) "Persons", "Arrests", "Charges", "Involvements";""");
        return new RecordBulkLoader.Result(records, clock.Elapsed, clock.Elapsed - loaded);
    }

    private static void Copy<T>(NpgsqlConnection connection, string command, List<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {
        using var importer = connection.BeginBinaryImport(command);
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }
        importer.Complete();
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
