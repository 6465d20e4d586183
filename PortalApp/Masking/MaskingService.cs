using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Common;

namespace PortalApp.Masking;

/// <summary>
/// The one way records are read for display or export. It reads raw rows, applies the role's row rules and
/// field actions, and hands out DTOs holding only masked text: no raw value leaves this class unless the
/// role's action for that field is Show.
/// </summary>
public sealed class MaskingService(IDbContextFactory<PortalDbContext> dbFactory, Pseudonymizer pseudonyms)
{
    /// <summary>The fields a row of the records list shows.</summary>
    public static readonly IReadOnlyList<string> ListFields =
        [RecordFields.Name, RecordFields.DateOfBirth, RecordFields.Sex, RecordFields.PlaceOfBirth, RecordFields.DcNumber, RecordFields.ArrestDate, RecordFields.District, RecordFields.Charges];

    public static readonly IReadOnlyList<string> PersonFields =
        [RecordFields.Name, RecordFields.DateOfBirth, RecordFields.Address, RecordFields.Zip, RecordFields.Phone, RecordFields.StateId, RecordFields.PlaceOfBirth, RecordFields.Race, RecordFields.Ethnicity, RecordFields.Sex];

    public static readonly IReadOnlyList<string> DetailFields = [.. PersonFields, RecordFields.DcNumber, RecordFields.ArrestDate, RecordFields.District, RecordFields.Officer, RecordFields.Charges];

    public MaskedField Mask(RolePolicy policy, string field, string raw)
    {
        var action = policy.ActionFor(field);
        return new MaskedField(MaskingFunctions.Apply(policy.Role, field, action, raw, pseudonyms), action);
    }

    /// <summary>The rows with these involvement ids that the role may see, in the order given.</summary>
    public async Task<IReadOnlyList<RecordRow>> ReadRowsAsync(RolePolicy policy, IReadOnlyList<int> involvementIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = policy.VisibleRoles.ToList();
        var raw = await db.Involvements.AsNoTracking()
            .Where(i => involvementIds.Contains(i.Id) && visible.Contains(i.Role))
            .Select(i => new
            {
                i.Id, i.PersonId, i.ArrestId, i.Role, i.DcNumber, i.ArrestedUtc, i.District,
                i.Person!.FirstName, i.Person.LastName, i.Person.DateOfBirth, i.Person.Sex, i.Person.PlaceOfBirth,
            })
            .ToDictionaryAsync(r => r.Id, ct);
        var charges = await ChargesAsync(db, raw.Values.Select(r => r.ArrestId).Distinct().ToList(), ct, withStatute: false);
        return involvementIds.Where(raw.ContainsKey).Select(id => raw[id]).Select(r => new RecordRow(
            r.Id, r.PersonId, r.Role,
            Mask(policy, RecordFields.Name, $"{r.LastName}, {r.FirstName}"),
            Mask(policy, RecordFields.DateOfBirth, Format(r.DateOfBirth)),
            Mask(policy, RecordFields.Sex, r.Sex),
            Mask(policy, RecordFields.PlaceOfBirth, r.PlaceOfBirth),
            Mask(policy, RecordFields.DcNumber, r.DcNumber),
            Mask(policy, RecordFields.ArrestDate, Format(r.ArrestedUtc)),
            Mask(policy, RecordFields.District, r.District.ToString(CultureInfo.InvariantCulture)),
            Mask(policy, RecordFields.Charges, charges.GetValueOrDefault(r.ArrestId, "")))).ToList();
    }

    /// <summary>The person and the arrests the role may see them in; null when the role may see none.</summary>
    public async Task<RecordDetail?> ReadPersonAsync(RolePolicy policy, int personId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = policy.VisibleRoles.ToList();
        var arrests = await db.Involvements.AsNoTracking()
            .Where(i => i.PersonId == personId && visible.Contains(i.Role))
            .OrderByDescending(i => i.ArrestedUtc)
            .Select(i => new { i.Role, i.ArrestId, i.Arrest!.DcNumber, i.Arrest.ArrestedUtc, i.Arrest.District, i.Arrest.Officer })
            .ToListAsync(ct);
        if (arrests.Count == 0)
        {
            return null;
        }
        var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == personId, ct);
        var charges = await ChargesAsync(db, arrests.Select(a => a.ArrestId).Distinct().ToList(), ct);
        return new RecordDetail(
            personId,
            MaskPerson(policy, person),
            arrests.Select(a => new ArrestView(a.Role,
                Mask(policy, RecordFields.DcNumber, a.DcNumber),
                Mask(policy, RecordFields.ArrestDate, Format(a.ArrestedUtc)),
                Mask(policy, RecordFields.District, a.District.ToString(CultureInfo.InvariantCulture)),
                Mask(policy, RecordFields.Officer, a.Officer),
                Mask(policy, RecordFields.Charges, charges.GetValueOrDefault(a.ArrestId, "")))).ToList(),
            policy.Source);
    }

    /// <summary>A fictional specimen person, as the role would see them in each involvement role: for "preview as role".</summary>
    public RecordDetail Preview(RolePolicy policy)
    {
        var arrested = PortalTime.FromCity(new DateOnly(2026, 3, 14), new TimeOnly(21, 30));
        return new RecordDetail(0, MaskPerson(policy, Specimen.Person),
            Enum.GetValues<InvolvementRole>().Where(policy.VisibleRoles.Contains).Select(role => new ArrestView(role,
                Mask(policy, RecordFields.DcNumber, "26-09-0000001"),
                Mask(policy, RecordFields.ArrestDate, Format(arrested)),
                Mask(policy, RecordFields.District, "9"),
                Mask(policy, RecordFields.Officer, "P/O R. Example #4821"),
                Mask(policy, RecordFields.Charges, "18 Pa.C.S. § 3502 Burglary (F1)\n18 Pa.C.S. § 3921 Theft by unlawful taking (M1)"))).ToList(),
            policy.Source);
    }

    private Dictionary<string, MaskedField> MaskPerson(RolePolicy policy, Person p) => new()
    {
        [RecordFields.Name] = Mask(policy, RecordFields.Name, $"{p.LastName}, {p.FirstName}"),
        [RecordFields.DateOfBirth] = Mask(policy, RecordFields.DateOfBirth, Format(p.DateOfBirth)),
        [RecordFields.Address] = Mask(policy, RecordFields.Address, $"{p.Street}, {p.City}, PA {p.Zip}"),
        [RecordFields.Zip] = Mask(policy, RecordFields.Zip, p.Zip),
        [RecordFields.Phone] = Mask(policy, RecordFields.Phone, p.Phone),
        [RecordFields.StateId] = Mask(policy, RecordFields.StateId, p.StateId),
        [RecordFields.PlaceOfBirth] = Mask(policy, RecordFields.PlaceOfBirth, p.PlaceOfBirth),
        [RecordFields.Race] = Mask(policy, RecordFields.Race, p.Race),
        [RecordFields.Ethnicity] = Mask(policy, RecordFields.Ethnicity, p.Ethnicity),
        [RecordFields.Sex] = Mask(policy, RecordFields.Sex, p.Sex),
    };

    /// <summary>An arrest's charges, one a line; the list shows them without the statute to stay compact.</summary>
    private static async Task<Dictionary<int, string>> ChargesAsync(PortalDbContext db, List<int> arrestIds, CancellationToken ct, bool withStatute = true)
    {
        var rows = await db.Charges.AsNoTracking().Where(c => arrestIds.Contains(c.ArrestId))
            .OrderBy(c => c.Id).Select(c => new { c.ArrestId, c.Statute, c.Description, c.Grade }).ToListAsync(ct);
        return rows.GroupBy(c => c.ArrestId).ToDictionary(g => g.Key, g => string.Join('\n', g.Select(c => withStatute ? $"{c.Statute} {c.Description} ({c.Grade})" : $"{c.Description} ({c.Grade})")));
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset utc) => PortalTime.ToCity(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static class Specimen
    {
        public static readonly Person Person = new()
        {
            FirstName = "Jane", LastName = "Specimen", DateOfBirth = new DateOnly(1990, 4, 12),
            Street = "1500 Market St", City = "Philadelphia", Zip = "19102", Phone = "215-555-0142", StateId = "12 345 678",
            PlaceOfBirth = "Ohio, USA", Race = "White", Ethnicity = "Not Hispanic or Latino", Sex = "Female",
        };
    }
}
