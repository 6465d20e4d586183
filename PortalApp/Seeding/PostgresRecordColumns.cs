using Npgsql;
using NpgsqlTypes;
using Portal.Data.Entities;

namespace PortalApp.Seeding;

/// <summary>The record tables' COPY commands, row writers and upkeep, shared by the collecting and the streaming PostgreSQL loaders.</summary>
internal static class PostgresRecordColumns
{
    public static readonly string[] Tables = ["Persons", "Arrests", "Charges", "Involvements"];

    public const string Persons = """COPY "Persons" ("Id", "FirstName", "LastName", "DateOfBirth", "Street", "City", "Zip", "Phone", "StateId", "PlaceOfBirth", "Race", "Ethnicity", "Sex") FROM STDIN (FORMAT BINARY)""";
    public const string Arrests = """COPY "Arrests" ("Id", "DcNumber", "ArrestedUtc", "District", "Officer") FROM STDIN (FORMAT BINARY)""";
    public const string Charges = """COPY "Charges" ("Id", "ArrestId", "Statute", "Description", "Grade") FROM STDIN (FORMAT BINARY)""";
    public const string Involvements = """COPY "Involvements" ("Id", "PersonId", "ArrestId", "Role", "SearchName", "DcNumber", "ArrestedUtc", "District") FROM STDIN (FORMAT BINARY)""";

    public static void Write(NpgsqlBinaryImporter w, Person p)
    {
        w.StartRow();
        w.Write(p.Id, NpgsqlDbType.Integer);
        w.Write(p.FirstName, NpgsqlDbType.Text);
        w.Write(p.LastName, NpgsqlDbType.Text);
        w.Write(p.DateOfBirth, NpgsqlDbType.Date);
        foreach (var text in new[] { p.Street, p.City, p.Zip, p.Phone, p.StateId, p.PlaceOfBirth, p.Race, p.Ethnicity, p.Sex })
        {
            w.Write(text, NpgsqlDbType.Text);
        }
    }

    public static void Write(NpgsqlBinaryImporter w, Arrest a)
    {
        w.StartRow();
        w.Write(a.Id, NpgsqlDbType.Integer);
        w.Write(a.DcNumber, NpgsqlDbType.Text);
        w.Write(a.ArrestedUtc.UtcTicks, NpgsqlDbType.Bigint);
        w.Write(a.District, NpgsqlDbType.Integer);
        w.Write(a.Officer, NpgsqlDbType.Text);
    }

    public static void Write(NpgsqlBinaryImporter w, Charge c)
    {
        w.StartRow();
        w.Write(c.Id, NpgsqlDbType.Integer);
        w.Write(c.ArrestId, NpgsqlDbType.Integer);
        w.Write(c.Statute, NpgsqlDbType.Text);
        w.Write(c.Description, NpgsqlDbType.Text);
        w.Write(c.Grade, NpgsqlDbType.Text);
    }

    public static void Write(NpgsqlBinaryImporter w, Involvement i)
    {
        w.StartRow();
        w.Write(i.Id, NpgsqlDbType.Integer);
        w.Write(i.PersonId, NpgsqlDbType.Integer);
        w.Write(i.ArrestId, NpgsqlDbType.Integer);
        w.Write((int)i.Role, NpgsqlDbType.Integer);
        w.Write(i.SearchName, NpgsqlDbType.Text);
        w.Write(i.DcNumber, NpgsqlDbType.Text);
        w.Write(i.ArrestedUtc.UtcTicks, NpgsqlDbType.Bigint);
        w.Write(i.District, NpgsqlDbType.Integer);
    }

    /// <summary>Empties the four tables (one statement: they reference each other).</summary>
    public static void Truncate(NpgsqlConnection connection) => Execute(connection, $"TRUNCATE {Quoted()};");

    /// <summary>Moves each table's identity sequence past its loaded ids.</summary>
    public static void MoveSequences(NpgsqlConnection connection)
    {
        foreach (var table in Tables)
        {
            Execute(connection, $"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), (SELECT COALESCE(MAX("Id"), 0) + 1 FROM "{table}"), false);""");
        }
    }

    /// <summary>VACUUM as well as ANALYZE: it sets the visibility map, without which an index-only scan still visits the table.</summary>
    public static void Vacuum(NpgsqlConnection connection) => Execute(connection, $"VACUUM (ANALYZE) {Quoted()};");

    public static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Quoted() => string.Join(", ", Tables.Select(t => $"\"{t}\""));
}
