using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class BallotDecisionConfiguration : IEntityTypeConfiguration<BallotDecision>
{
    public void Configure(EntityTypeBuilder<BallotDecision> builder)
    {
        // Invariant 4: a decision is taken once; the database refuses a second one.
        builder.HasIndex(d => d.BallotId).IsUnique();
    }
}
