using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Data;

/// <summary>Stores a DateTimeOffset as UTC ticks (an INTEGER), so SQLite can sort and range-filter it.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
