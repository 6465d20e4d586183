using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Common;

namespace PortalApp.Letters;

/// <summary>What anyone may learn about an issued letter: the facts printed on it, never a person's name.</summary>
public sealed record PublicLetter(string Number, DateOnly IssuedOn, string Organisation, string Subject, string Kind, string Sha256, string? SupersededBy, DateOnly? SupersededOn);

/// <summary>The answer /verify gives: a verdict, the letter it names, and what the embedded signature says.</summary>
public sealed record PublicVerification(bool Verified, string Headline, string? Detail, PublicLetter? Letter, SignatureCheck? Signature, bool SolicitorsCertificate)
{
    public static PublicVerification Refused(string headline, string detail) => new(false, headline, detail, null, null, false);
}

/// <summary>
/// The public half: open to everyone, signed in or not (the answers hold what is printed on the letters). Each check is
/// logged as a "public verify" entry; for an anonymous visitor without a name or an address.
/// </summary>
public sealed partial class LetterVerifier
{
    public const string PublicSource = "public";

    public async Task NotePageViewAsync(CancellationToken ct = default) => await LogPublicAsync("page view", null, null, ct);

    public async Task<PublicVerification> CheckFileAsync(byte[] pdf, CancellationToken ct = default)
    {
        if (pdf.Length < 5 || !pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            await LogPublicAsync("file: not a PDF", $"bytes={pdf.Length}", 0, ct);
            return PublicVerification.Refused("Not verified: this file is not a PDF.", "Every letter the portal issues is a PDF file; this file does not begin like one.");
        }
        var sha256 = LetterIssuer.Sha256(pdf);
        var letter = await FindAsync(l => l.PdfSha256 == sha256, ct);
        var signature = LetterSignatures.Check(pdf);
        await LogPublicAsync(letter is null ? "file: no match" : $"file: {letter.Value.Facts.Number}", $"sha256={sha256}", letter is null ? 0 : 1, ct);
        if (letter is { } found)
        {
            return Answer(true, $"Verified: this file is exactly letter {found.Facts.Number}.", null, found.Facts, signature);
        }
        var why = !signature.Present ? "It carries no digital signature."
            : !signature.Intact ? "Its embedded signature is broken: the file was changed after it was signed."
            : signature.Fingerprint == certificate.Fingerprint ? "It carries an intact signature by the City Solicitor's certificate, but it is not a letter on this portal's record."
            : "It carries an intact signature, but not by the City Solicitor's certificate.";
        return Answer(false, "Not verified: no letter the portal issued has exactly this content.", $"Its SHA-256 is {sha256}. {why}", null, signature);
    }

    /// <summary>A letter number (SOL-2026-0001) or a SHA-256 hash; anything else is named as neither.</summary>
    public async Task<PublicVerification> CheckTextAsync(string? text, CancellationToken ct = default)
    {
        var typed = (text ?? "").Trim();
        if (Sha256Hex().IsMatch(typed.ToLowerInvariant()))
        {
            var sha256 = typed.ToLowerInvariant();
            var byHash = await FindAsync(l => l.PdfSha256 == sha256, ct);
            await LogPublicAsync(byHash is null ? "hash: no match" : $"hash: {byHash.Value.Facts.Number}", $"sha256={sha256}", byHash is null ? 0 : 1, ct);
            return byHash is { } found
                ? Answer(true, $"Verified: this is the SHA-256 of letter {found.Facts.Number}.", "A copy whose SHA-256 is exactly this is that letter, unchanged.", found.Facts, LetterSignatures.Check(found.Pdf))
                : PublicVerification.Refused("Not verified: no letter the portal issued has this SHA-256.", $"Nothing issued hashes to {sha256}.");
        }
        if (LetterNumber().IsMatch(typed))
        {
            var number = typed.ToUpperInvariant();
            var byNumber = await FindAsync(l => l.Number == number, ct);
            await LogPublicAsync(byNumber is null ? "number: no match" : $"number: {number}", $"number={number}", byNumber is null ? 0 : 1, ct);
            return byNumber is { } found
                ? Answer(true, $"Found: {number} is a letter the portal issued.", "To check a copy, upload it or compare its SHA-256 with the one below.", found.Facts, LetterSignatures.Check(found.Pdf))
                : PublicVerification.Refused($"Not verified: no letter numbered {number} was issued.", "Check the number printed at the top right and in the footer of the letter.");
        }
        // What a visitor typed is never logged: it might be anything, a person's name included.
        await LogPublicAsync("text: neither a number nor a hash", null, 0, ct);
        var shown = typed.Length == 0 ? "An empty field" : $"\u201c{(typed.Length > 80 ? typed[..80] + "\u2026" : typed)}\u201d";
        return PublicVerification.Refused($"Not verified: {shown} is neither a letter number nor a SHA-256 hash.",
            "Type a letter number like SOL-2026-0001, paste a SHA-256 hash (64 hexadecimal characters), or upload the PDF.");
    }

    private PublicVerification Answer(bool verified, string headline, string? detail, PublicLetter? letter, SignatureCheck signature) =>
        new(verified, headline, detail, letter, signature, signature.Intact && signature.Fingerprint == certificate.Fingerprint);

    private async Task<(PublicLetter Facts, byte[] Pdf)?> FindAsync(Expression<Func<Letter, bool>> which, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Letters.AsNoTracking().Where(l => l.Status == LetterStatus.Issued).Where(which)
            .Select(l => new { l.Number, l.Year, l.Sequence, l.IssuedUtc, l.Kind, l.Subject, l.AgreementId, l.Agreement!.Counterparty, l.PdfSha256, l.Pdf })
            .SingleOrDefaultAsync(ct);
        if (row?.Pdf is null)
        {
            return null;
        }
        // Numbers run in the order letters were issued, so the next number on the same agreement is the one that followed.
        var later = await db.Letters.AsNoTracking()
            .Where(l => l.AgreementId == row.AgreementId && l.Status == LetterStatus.Issued && (l.Year > row.Year || (l.Year == row.Year && l.Sequence > row.Sequence)))
            .OrderBy(l => l.Year).ThenBy(l => l.Sequence)
            .Select(l => new { l.Number, l.IssuedUtc }).FirstOrDefaultAsync(ct);
        var facts = new PublicLetter(row.Number!, PortalTime.CityDate(row.IssuedUtc!.Value), row.Counterparty, row.Subject, LetterKinds.Title(row.Kind),
            row.PdfSha256!, later?.Number, later is null ? null : PortalTime.CityDate(later.IssuedUtc!.Value));
        return (facts, row.Pdf);
    }

    private async Task LogPublicAsync(string what, string? filters, int? count, CancellationToken ct)
    {
        var user = await capabilities.CurrentUserAsync(ct);
        if (user.Identity?.IsAuthenticated != true)
        {
            // An anonymous visitor is logged without a name and without an address: a page view is not a person.
            client.Address = null;
        }
        await accessLog.AppendAsync(new AccessEvent(AccessActions.LetterAction)
        {
            Actor = user,
            Target = $"public verify: {what}",
            Filters = filters,
            ResultCount = count,
            Source = PublicSource,
        }, ct);
    }

    [GeneratedRegex(@"^SOL-\d{4}-\d{4,6}$", RegexOptions.IgnoreCase)]
    private static partial Regex LetterNumber();
}
