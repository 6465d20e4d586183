using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Seeding;

/// <summary>
/// A large load on PostgreSQL streams into tables stripped of their indexes and foreign keys; these prove it leaves the
/// schema exactly as the migrations made it, with every record in place.
/// </summary>
[Trait(TestDatabase.ProviderTrait, TestDatabase.AlwaysPostgres)]
public sealed class StreamedRecordLoadTests
{
    [Fact]
    public async Task ALargeLoadPutsBackEveryIndexAndForeignKeyAndLoadsEveryRecord()
    {
        await using var database = TestDatabase.Create("stream-load", DatabaseProvider.Postgres);
        await using (var db = PortalDatabase.Create(DatabaseProvider.Postgres, database.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }
        var before = await SchemaAsync(database);
        Assert.Contains(before, s => s.Contains("FOREIGN KEY", StringComparison.Ordinal));

        var result = RecordBulkLoader.Replace(DatabaseProvider.Postgres, database.ConnectionString, PostgresRecordBulkLoader.StreamFrom, 7);

        Assert.Equal(PostgresRecordBulkLoader.StreamFrom, result.Records);
        Assert.Equal(before, await SchemaAsync(database));
        await using (var db = PortalDatabase.Create(DatabaseProvider.Postgres, database.ConnectionString))
        {
            Assert.Equal(PostgresRecordBulkLoader.StreamFrom, await db.Involvements.CountAsync());
            Assert.False(await db.Involvements.AnyAsync(i => !db.Persons.Any(p => p.Id == i.PersonId) || !db.Arrests.Any(a => a.Id == i.ArrestId)));
            // The identity sequences moved past the loaded ids: a new person gets the next one.
            db.Persons.Add(new Portal.Data.Entities.Person { FirstName = "New", LastName = "Person", DateOfBirth = new DateOnly(1990, 1, 1) });
            await db.SaveChangesAsync();
            Assert.Equal(await db.Persons.MaxAsync(p => p.Id), (await db.Persons.SingleAsync(p => p.FirstName == "New" && p.LastName == "Person")).Id);
        }
    }

    /// <summary>Every index and constraint of the four record tables, as PostgreSQL would write it again.</summary>
    private static async Task<List<string>> SchemaAsync(TestDatabase database)
    {
        await using var connection = (NpgsqlConnection)database.OpenDirect();
        await using var command = new NpgsqlCommand("""
            SELECT pg_get_indexdef(indexrelid) FROM pg_index
            WHERE indrelid IN ('"Persons"'::regclass, '"Arrests"'::regclass, '"Charges"'::regclass, '"Involvements"'::regclass)
            UNION ALL
            SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid IN ('"Persons"'::regclass, '"Arrests"'::regclass, '"Charges"'::regclass, '"Involvements"'::regclass)
            ORDER BY 1
            """, connection);
        var schema = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            schema.Add(reader.GetString(0));
        }
        return schema;
    }
}
