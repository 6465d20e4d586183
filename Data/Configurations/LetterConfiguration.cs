using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> builder)
    {
        builder.HasIndex(l => l.Number).IsUnique();
        builder.HasIndex(l => new { l.Year, l.Sequence }).IsUnique();
        builder.HasOne(l => l.Agreement).WithMany().HasForeignKey(l => l.AgreementId);
    }
}
