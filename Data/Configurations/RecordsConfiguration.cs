using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.HasIndex(p => p.PlaceOfBirth);
        builder.HasMany(p => p.Involvements).WithOne(i => i.Person).HasForeignKey(i => i.PersonId);
    }
}

internal sealed class ArrestConfiguration : IEntityTypeConfiguration<Arrest>
{
    public void Configure(EntityTypeBuilder<Arrest> builder)
    {
        builder.HasIndex(a => a.DcNumber).IsUnique();
        builder.HasMany(a => a.Charges).WithOne().HasForeignKey(c => c.ArrestId);
        builder.HasMany(a => a.Involvements).WithOne(i => i.Arrest).HasForeignKey(i => i.ArrestId);
    }
}

internal sealed class ChargeConfiguration : IEntityTypeConfiguration<Charge>
{
    public void Configure(EntityTypeBuilder<Charge> builder)
    {
        builder.HasIndex(c => new { c.Statute, c.ArrestId });
    }
}

internal sealed class InvolvementConfiguration : IEntityTypeConfiguration<Involvement>
{
    public void Configure(EntityTypeBuilder<Involvement> builder)
    {
        // Stored as its number (0 arrestee, 1 victim, 2 witness), unlike other enums: it leads the indexes the row
        // rules walk, and a one-byte key keeps them as small as the date index the unrestricted roles walk.
        builder.Property(i => i.Role).HasConversion<int>();
        // One index per permitted filter and sort of the records list; the rowid (Id) ends each key,
        // so "ORDER BY x, Id" walks the index without a sort step.
        builder.HasIndex(i => new { i.ArrestId, i.Role });
        builder.HasIndex(i => new { i.PersonId, i.Role });
        builder.HasIndex(i => i.ArrestedUtc);
        builder.HasIndex(i => new { i.Role, i.ArrestedUtc });
        // Covers a name-prefix search sorted by date: no table lookup per matching name.
        builder.HasIndex(i => new { i.SearchName, i.ArrestedUtc, i.Role });
        builder.HasIndex(i => new { i.Role, i.SearchName, i.ArrestedUtc });
        builder.HasIndex(i => i.DcNumber);
        builder.HasIndex(i => new { i.District, i.ArrestedUtc });
        // A district search under a row rule (the agency sees arrestees only) reads the role from the index, not the table.
        builder.HasIndex(i => new { i.District, i.Role, i.ArrestedUtc });
    }
}
