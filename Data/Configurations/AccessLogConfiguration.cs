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
