using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<Amendment> builder)
    {
        builder.HasIndex(a => new { a.AgreementId, a.Number }).IsUnique();
        builder.HasOne(a => a.Agreement).WithMany(a => a.Amendments).HasForeignKey(a => a.AgreementId);
        builder.Property(a => a.Schedule)
            .HasConversion(
                s => JsonSerializer.Serialize(s, Json),
                s => JsonSerializer.Deserialize<DataSchedule>(s, Json) ?? new DataSchedule(),
                new ValueComparer<DataSchedule>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    s => JsonSerializer.Serialize(s, Json).GetHashCode(StringComparison.Ordinal),
                    s => JsonSerializer.Deserialize<DataSchedule>(JsonSerializer.Serialize(s, Json), Json)!));
    }
}
