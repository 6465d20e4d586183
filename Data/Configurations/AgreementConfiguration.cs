using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.Property(a => a.Reference).HasMaxLength(64);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Counterparty).HasMaxLength(300);
        builder.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.AgreementId);
        builder.HasMany(a => a.Seats).WithOne().HasForeignKey(s => s.AgreementId);
    }
}
