using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Audit;
using PortalApp.Authorization;

namespace PortalApp.Letters;

/// <summary>Serves an issued letter's stored PDF, and tells whether a file or a hash is exactly an issued letter.</summary>
public sealed partial class LetterVerifier(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog)
{
    public const int MaxPdfBytes = 10 * 1024 * 1024;

    public sealed record StoredPdf(byte[] Bytes, string FileName, string Sha256);

    /// <summary>The stored bytes, never a re-rendering: what was issued is what is served.</summary>
    public async Task<StoredPdf?> GetPdfAsync(int id, ClaimsPrincipal? user = null, CancellationToken ct = default)
    {
        user = await capabilities.RequireAsync(Policies.ReadLetters, user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letter = await db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.Status == LetterStatus.Issued, ct);
        if (letter?.Pdf is null)
        {
            return null;
        }
        await accessLog.AppendAsync(LetterEvents.Access(user, letter, "download PDF") with { Filters = $"sha256={letter.PdfSha256}" }, ct);
        return new StoredPdf(letter.Pdf, $"{letter.Number}.pdf", letter.PdfSha256!);
    }

    public Task<LetterVerification> VerifyFileAsync(byte[] pdf, CancellationToken ct = default) =>
        VerifyHashAsync(LetterIssuer.Sha256(pdf), ct);

    public async Task<LetterVerification> VerifyHashAsync(string hash, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadLetters);
        var normalized = hash.Trim().ToLowerInvariant();
        if (!Sha256Hex().IsMatch(normalized))
        {
            return new LetterVerification(false, hash.Trim(), null, null, "That is not a SHA-256 hash: 64 hexadecimal characters are expected.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var match = await db.Letters.AsNoTracking()
            .Where(l => l.PdfSha256 == normalized && l.Status == LetterStatus.Issued)
            .Select(l => new { l.Id, l.Number, l.IssuedUtc }).SingleOrDefaultAsync(ct);
        await accessLog.AppendAsync(new AccessEvent(AccessActions.LetterAction)
        {
            Actor = user,
            Target = match is null ? "verify: no match" : $"letter {match.Id} {match.Number}: verify",
            Filters = $"sha256={normalized}",
            ResultCount = match is null ? 0 : 1,
        }, ct);
        return match is null
            ? new LetterVerification(false, normalized, null, null, "Not verified: no issued letter has exactly this content. The file differs from every letter the portal issued.")
            : new LetterVerification(true, normalized, match.Id, match.Number, $"Verified: this is exactly {match.Number}, issued {Hosting.PortalTime.Format(match.IssuedUtc!.Value)}.");
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
