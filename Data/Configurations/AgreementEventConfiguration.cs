using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class AgreementEventConfiguration : IEntityTypeConfiguration<AgreementEvent>
{
    public void Configure(EntityTypeBuilder<AgreementEvent> builder)
    {
        builder.HasIndex(e => new { e.AgreementId, e.AtUtc });
    }
}
