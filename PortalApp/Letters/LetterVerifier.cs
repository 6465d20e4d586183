using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;

namespace PortalApp.Letters;

/// <summary>
/// Serves an issued letter's stored PDF, and tells whether a file or a hash is exactly an issued letter: to signed-in
/// readers beside the letter, and to anyone at /verify (LetterVerifier.Public.cs).
/// </summary>
public sealed partial class LetterVerifier(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    ClientInfo client,
    LetterCertificate certificate)
{
    public const int MaxPdfBytes = 10 * 1024 * 1024;

    public sealed record StoredPdf(byte[] Bytes, string FileName, string Sha256);

    /// <summary>The stored bytes, never a re-rendering: what was issued is what is served.</summary>
    public async Task<StoredPdf?> GetPdfAsync(int id, ClaimsPrincipal? user = null, CancellationToken ct = default)
    {
        user = await capabilities.RequireAsync(Policies.ReadLetters, user, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letter = await db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.Status == LetterStatus.Issued, ct);
        if (letter?.Pdf is null)
        {
            return null;
        }
        await accessLog.AppendAsync(LetterEvents.Access(user, letter, "download PDF") with { Filters = $"sha256={letter.PdfSha256}" }, ct);
        return new StoredPdf(letter.Pdf, $"{letter.Number}.pdf", letter.PdfSha256!);
    }

    /// <summary>Whether <paramref name="pdf"/> is exactly an issued letter; with <paramref name="letterId"/>, the answer names that letter.</summary>
    public async Task<LetterVerification> VerifyFileAsync(byte[] pdf, int? letterId = null, CancellationToken ct = default) =>
        await VerifyAsync(LetterIssuer.Sha256(pdf), fromFile: true, letterId, ct);

    /// <summary>Whether <paramref name="hash"/> is the SHA-256 of an issued letter; with <paramref name="letterId"/>, the answer names that letter.</summary>
    public async Task<LetterVerification> VerifyHashAsync(string hash, int? letterId = null, CancellationToken ct = default)
    {
        var pasted = (hash ?? "").Trim();
        var normalized = pasted.ToLowerInvariant();
        if (!Sha256Hex().IsMatch(normalized))
        {
            await capabilities.RequireAsync(Policies.ReadLetters, ct: ct);
            var shown = pasted.Length == 0 ? "An empty field" : $"\u201c{(pasted.Length > 80 ? pasted[..80] + "\u2026" : pasted)}\u201d";
            return new LetterVerification(false, "", null, null, $"Not verified: {shown} is not a SHA-256 hash (64 hexadecimal characters).");
        }
        return await VerifyAsync(normalized, fromFile: false, letterId, ct);
    }

    private async Task<LetterVerification> VerifyAsync(string sha256, bool fromFile, int? letterId, CancellationToken ct)
    {
        var user = await capabilities.RequireAsync(Policies.ReadLetters, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var match = await db.Letters.AsNoTracking()
            .Where(l => l.PdfSha256 == sha256 && l.Status == LetterStatus.Issued)
            .Select(l => new { l.Id, l.Number, l.IssuedUtc }).SingleOrDefaultAsync(ct);
        var expected = letterId is null || match is not null ? null : await db.Letters.AsNoTracking()
            .Where(l => l.Id == letterId && l.Status == LetterStatus.Issued)
            .Select(l => new { l.Number, l.PdfSha256 }).SingleOrDefaultAsync(ct);
        await accessLog.AppendAsync(new AccessEvent(AccessActions.LetterAction)
        {
            Actor = user,
            Target = match is null ? "verify: no match" : $"letter {match.Id} {match.Number}: verify",
            Filters = $"sha256={sha256}",
            ResultCount = match is null ? 0 : 1,
        }, ct);
        if (match is not null)
        {
            return new LetterVerification(true, sha256, match.Id, match.Number, $"Verified: this is exactly {match.Number}, issued {Common.PortalTime.Format(match.IssuedUtc!.Value)}.");
        }
        var none = fromFile ? "No letter the portal issued has exactly this content." : "No letter the portal issued has this hash.";
        var message = expected is null ? $"Not verified: {none}"
            : fromFile ? $"Not verified: this file is not letter {expected.Number}: its SHA-256 is {sha256}, and the letter's is {expected.PdfSha256}. {none}"
            : $"Not verified: this hash is not the hash of letter {expected.Number}; its hash is {expected.PdfSha256}. {none}";
        return new LetterVerification(false, sha256, null, null, message);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
