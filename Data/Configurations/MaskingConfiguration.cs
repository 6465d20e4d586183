using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class MaskingPolicyVersionConfiguration : IEntityTypeConfiguration<MaskingPolicyVersion>
{
    public void Configure(EntityTypeBuilder<MaskingPolicyVersion> builder)
    {
        builder.HasIndex(v => v.Version).IsUnique();
        builder.HasMany(v => v.Rules).WithOne().HasForeignKey(r => r.PolicyVersionId);
        builder.HasMany(v => v.RowRules).WithOne().HasForeignKey(r => r.PolicyVersionId);
    }
}

internal sealed class MaskingRuleConfiguration : IEntityTypeConfiguration<MaskingRule>
{
    public void Configure(EntityTypeBuilder<MaskingRule> builder)
    {
        builder.HasIndex(r => new { r.PolicyVersionId, r.Role, r.Field }).IsUnique();
    }
}
