using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Live;

namespace PortalApp.Letters;

/// <summary>
/// Issuing: the next number, the signed PDF and its SHA-256, the letter frozen, and for a termination the agreement's
/// cut-off set, all in one transaction. After this the letter never changes (the service refuses, the database too).
/// </summary>
public sealed class LetterIssuer(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    LetterPdfRenderer renderer,
    LetterSigner pdfSigner,
    TerminationSignal terminations,
    Live.BallotNotifier notifier,
    IOptions<LetterOptions> options,
    LetterAddress address,
    TimeProvider time,
    ILogger<LetterIssuer> logger)
{
    private const int Attempts = 3;

    public async Task<OperationResult> IssueAsync(int id, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.IssueLetter, ct: ct);
        Letter? draft;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            draft = await db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
            if (draft is null)
            {
                return OperationResult.Fail("That letter does not exist.");
            }
            if (draft.Status == LetterStatus.Issued)
            {
                await accessLog.AppendAsync(LetterEvents.Access(user, draft, "issue refused: already issued", AccessOutcomes.Refused), ct);
                return OperationResult.Fail($"{draft.Number} was already issued; a letter is issued once.");
            }
            var edit = new LetterDraftEdit(draft.Addressee, draft.Subject, draft.Body, draft.EffectiveDate);
            if (LetterDrafting.Validate(edit, PortalTime.Today(time), draft.Kind) is { } problem)
            {
                return OperationResult.Fail(problem);
            }
            if (await ConflictAsync(db, draft, PortalTime.Today(time), ct) is { } conflict)
            {
                await accessLog.AppendAsync(LetterEvents.Access(user, draft, "issue refused: its text states another date", AccessOutcomes.Refused), ct);
                return conflict;
            }
        }
        await accessLog.AppendAsync(LetterEvents.Access(user, draft, "issue"), ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await IssueOnceAsync(id, user, ct);
                if (result.Succeeded)
                {
                    terminations.Wake();
                    // The agreement's page, the dashboards and the bells show the issued letter live, on every instance.
                    notifier.Publish(new Live.BallotChange(Live.BallotChangeKind.AgreementChanged, draft.AgreementId, null));
                }
                return result;
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex) && attempt < Attempts)
            {
                // Only reachable if another process took the number outside a write transaction; take the next one.
                logger.LogWarning("Letter number collision on attempt {Attempt}; retrying.", attempt);
            }
            catch (DbUpdateException ex)
            {
                logger.LogError(ex, "Issuing letter {Id} failed.", id);
                await accessLog.AppendAsync(LetterEvents.Access(user, draft, "issue failed", AccessOutcomes.Failure), ct);
                return OperationResult.Fail("The letter could not be issued; nothing was changed. Try again.");
            }
        }
    }

    private async Task<OperationResult> IssueOnceAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Issuers queue for the chain's write lock (SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock) before they
        // read the last number, so no two of them, on any instance, can take the same one.
        await using var tx = await ChainTransaction.BeginAsync(db, ct);
        var letter = await db.Letters.SingleAsync(l => l.Id == id, ct);
        if (letter.Status != LetterStatus.Draft)
        {
            return OperationResult.Fail($"{letter.Number} was already issued; a letter is issued once.");
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(PortalTime.ToCity(now).DateTime);
        // Checked again inside the write lock: what is printed is what this letter sets, whatever was saved meanwhile.
        if (await ConflictAsync(db, letter, today, ct) is { } conflict)
        {
            return conflict;
        }
        var (sequence, number) = await LetterNumbering.NextAsync(db, today.Year, ct);
        var signer = user.Identity?.Name ?? "";
        var document = await LetterDocuments.BuildAsync(db, letter, number, today, signer, options.Value, address.VerifyUrl(number), ct);
        // What is stored, hashed, logged and served is the signed file, byte for byte.
        var pdf = pdfSigner.Sign(renderer.Render(document), new SignatureFacts(document.SignerName, document.SignerTitle, number, now));

        letter.Number = number;
        letter.Year = today.Year;
        letter.Sequence = sequence;
        letter.Status = LetterStatus.Issued;
        letter.IssuedUtc = now;
        letter.IssuedBy = signer;
        letter.Pdf = pdf;
        letter.PdfSha256 = Sha256(pdf);

        var summary = $"{number} issued: {LetterKinds.Title(letter.Kind).ToLowerInvariant()} letter, SHA-256 {letter.PdfSha256[..16]}….";
        var agreement = await db.Agreements.SingleAsync(a => a.Id == letter.AgreementId, ct);
        var effectiveUtc = LetterFacts.EffectiveUtc(letter.EffectiveDate);
        if (LetterKinds.EndsAccess(letter.Kind))
        {
            agreement.TerminationEffectiveUtc = effectiveUtc;
            agreement.TerminationLetterNumber = number;
            summary += $" The agreement terminates on {PortalTime.Format(effectiveUtc)}; the outside agency's access ends then.";
        }
        db.AgreementEvents.Add(LetterEvents.Timeline(letter, "letter-issued", summary, user, now));
        LetterNotices.Issued(db, letter, agreement.Reference, effectiveUtc, now);
        await db.SaveChangesAsync(ct);
        // The issued PDF's hash goes into the chain and under a seal in this transaction, so a swapped PDF (and its
        // swapped hash column) no longer matches what the log recorded when it was issued.
        await accessLog.AppendSealedWithinAsync(db, LetterEvents.Access(user, letter, "issued") with { Filters = LetterEvents.IssuedFilters(letter) }, SealReasons.Letter, ct);
        await tx.CommitAsync(ct);
        return OperationResult.Ok($"Issued as {number}.");
    }

    private static async Task<OperationResult?> ConflictAsync(PortalDbContext db, Letter letter, DateOnly issueDate, CancellationToken ct)
    {
        var held = await LetterFacts.HeldAsync(db, letter, letter.EffectiveDate, issueDate, ct);
        var conflicts = LetterFacts.Conflicts(letter.Kind, letter.Subject, letter.Body, letter.EffectiveDate, held);
        return conflicts.Count == 0 ? null
            : OperationResult.Fail($"The letter was not issued: {string.Join(" ", conflicts.Select(c => c.Message))} " +
                $"The dates the portal holds for it: {LetterFacts.Describe(held)}. {LetterFacts.Rule}");
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 }
            or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
