using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.Property(t => t.NormalizedEmail).HasMaxLength(256);
        builder.Property(t => t.ClientAddress).HasMaxLength(64);
        builder.HasIndex(t => new { t.NormalizedEmail, t.ClientAddress }).IsUnique();
    }
}
