using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        // One current vote per party per ballot, enforced by the database.
        builder.HasIndex(v => new { v.BallotId, v.Party }).IsUnique().HasFilter("IsCurrent = 1");
        builder.Property(v => v.Rationale).HasMaxLength(2000);
    }
}
