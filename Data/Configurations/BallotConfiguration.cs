using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        builder.HasOne(b => b.Agreement).WithMany(a => a.Ballots).HasForeignKey(b => b.AgreementId);
        builder.HasOne(b => b.Amendment).WithMany().HasForeignKey(b => b.AmendmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Votes).WithOne().HasForeignKey(v => v.BallotId);
        builder.HasOne(b => b.Decision).WithOne().HasForeignKey<BallotDecision>(d => d.BallotId);
        builder.HasIndex(b => new { b.Status, b.ClosesUtc });
    }
}
