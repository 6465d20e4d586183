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
    }
}
