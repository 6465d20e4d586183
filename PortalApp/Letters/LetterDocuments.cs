using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace PortalApp.Letters;

/// <summary>Builds what is printed for a letter, from the letter and the facts around it.</summary>
public static class LetterDocuments
{
    public const string NumberPending = "SOL-____-____";

    public static async Task<LetterDocument> BuildAsync(
        PortalDbContext db, Letter letter, string? number, DateOnly date, string signerUserName, LetterOptions options, string verifyUrl, CancellationToken ct = default)
    {
        var reference = await db.Agreements.Where(a => a.Id == letter.AgreementId).Select(a => a.Reference).SingleAsync(ct);
        var signer = await db.Users.Where(u => u.UserName == signerUserName).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var copies = await db.Seats.Where(s => s.AgreementId == letter.AgreementId)
            .Join(db.Users, s => s.PrimaryUserId, u => u.Id, (s, u) => new { s.Party, u.DisplayName })
            .ToListAsync(ct);
        return new LetterDocument(
            number ?? NumberPending,
            date,
            letter.Addressee,
            reference,
            letter.Subject,
            letter.Body,
            StripParenthesis(signer ?? "The City Solicitor"),
            options.SignerTitle,
            [.. copies.OrderBy(c => c.Party).Select(c => c.DisplayName)],
            verifyUrl);
    }

    /// <summary>"Jordan Lee (City Solicitor)" signs as "Jordan Lee": the title is printed beneath.</summary>
    private static string StripParenthesis(string name)
    {
        var open = name.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 ? name[..open] : name;
    }

    public static string PartyName(Party party) => party switch
    {
        Party.City => "the City",
        Party.DistrictAttorney => "the District Attorney",
        _ => "the Courts",
    };
}
