using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> builder)
    {
        builder.HasIndex(l => l.Number).IsUnique();
        // The backstop of numbering: two letters can never share a sequence number within a year.
        builder.HasIndex(l => new { l.Year, l.Sequence }).IsUnique();
        builder.HasIndex(l => l.PdfSha256);
        builder.HasIndex(l => l.BallotId);
        builder.HasOne(l => l.Agreement).WithMany().HasForeignKey(l => l.AgreementId);
    }
}

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(120);
        builder.Property(t => t.Subject).HasMaxLength(300);
        builder.HasData(LetterTemplateDefaults.All);
    }
}
