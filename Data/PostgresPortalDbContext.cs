using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>The model on PostgreSQL, with its own migrations (Migrations/Postgres).</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // PostgreSQL has a real boolean and case-sensitive quoted names; the filter is the same rule: one current vote per party.
        builder.Entity<Vote>().HasIndex(v => new { v.BallotId, v.Party }).IsUnique().HasFilter("\"IsCurrent\"");
        // SQLite's index entries end with the rowid (Id); PostgreSQL's do not. Each sort key of the records list ends
        // with Id here, so a page deep in a result ("ORDER BY x, Id OFFSET n") is read from the index alone instead of
        // visiting the table for each skipped row.
        var involvement = builder.Entity<Involvement>();
        // The two date keys also carry the name: a name-prefix search sorted by date walks the date index and tests each
        // name, and with the name in the index that walk never visits the table (the planner prefers it to sorting
        // every match of the prefix).
        foreach (var (key, withName) in new (string[], bool)[]
        {
            (["ArrestedUtc"], true), (["Role", "ArrestedUtc"], true), (["DcNumber"], false), (["District", "ArrestedUtc"], false), (["District", "Role", "ArrestedUtc"], false),
        })
        {
            involvement.Metadata.RemoveIndex(key.Select(p => involvement.Metadata.FindProperty(p)!).ToList());
            var index = involvement.HasIndex([.. key, nameof(Involvement.Id)]);
            if (withName)
            {
                index.IncludeProperties(nameof(Involvement.SearchName));
            }
        }
        // The name keys carry the id: a name prefix with a few thousand matches is then sorted by date from the index
        // alone (the page is a list of ids), instead of visiting the table once for each match.
        involvement.HasIndex(i => new { i.SearchName, i.ArrestedUtc, i.Role }).IncludeProperties(i => i.Id);
        involvement.HasIndex(i => new { i.Role, i.SearchName, i.ArrestedUtc }).IncludeProperties(i => i.Id);
    }
}
