using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace PortalApp.Letters;

/// <summary>
/// SOL-YYYY-NNNN: sequential within the city's calendar year, without gaps. The next number is read and
/// taken inside the issuing transaction, which SQLite opens as BEGIN IMMEDIATE (one writer at a time), so
/// two issuers never read the same last number; the unique (Year, Sequence) index is the backstop.
/// </summary>
public static class LetterNumbering
{
    public static string Format(int year, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SOL-{year:D4}-{sequence:D4}");

    public static async Task<(int Sequence, string Number)> NextAsync(PortalDbContext db, int year, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A letter number is allocated only inside the issuing transaction.");
        }
        var last = await db.Letters.Where(l => l.Year == year).MaxAsync(l => l.Sequence, ct) ?? 0;
        return (last + 1, Format(year, last + 1));
    }
}
