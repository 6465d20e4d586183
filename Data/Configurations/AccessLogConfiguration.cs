using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.Flagged, e.AtUtc });
        builder.HasIndex(e => new { e.UserName, e.AtUtc });
        builder.HasIndex(e => new { e.Action, e.AtUtc });
        // The liaison's volume check counts the people one account viewed over the last day, from the index alone.
        builder.HasIndex(e => new { e.UserId, e.Action, e.Outcome, e.AtUtc, e.Target });
    }
}

internal sealed class AccessLogAnchorConfiguration : IEntityTypeConfiguration<AccessLogAnchor>
{
    public void Configure(EntityTypeBuilder<AccessLogAnchor> builder)
    {
        builder.HasIndex(a => a.ThroughEntryId).IsUnique();
    }
}

internal sealed class AccessLogSealConfiguration : IEntityTypeConfiguration<AccessLogSeal>
{
    public void Configure(EntityTypeBuilder<AccessLogSeal> builder)
    {
        builder.HasKey(s => s.Number);
        // Numbered by the sealer inside the chain's write lock: a sequence would leave gaps on rollback, and a gap must mean a deleted seal.
        builder.Property(s => s.Number).ValueGeneratedNever();
        builder.Property(s => s.HeadHash).HasMaxLength(64);
        builder.Property(s => s.Reason).HasMaxLength(20);
        builder.Property(s => s.Mac).HasMaxLength(64);
        builder.HasIndex(s => s.AtUtc);
    }
}

internal sealed class FlagReviewConfiguration : IEntityTypeConfiguration<FlagReview>
{
    public void Configure(EntityTypeBuilder<FlagReview> builder)
    {
        builder.HasIndex(r => r.AccessLogEntryId).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasIndex(n => n.AtUtc);
    }
}
