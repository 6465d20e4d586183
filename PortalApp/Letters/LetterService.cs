using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Pdf;
using PortalApp.Terms;

namespace PortalApp.Letters;

/// <summary>Reading letters, and the Solicitor's drafts: started from a decision, edited, previewed or discarded.</summary>
public sealed class LetterService(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    LetterDrafting drafting,
    LetterPdfRenderer renderer,
    IOptions<LetterOptions> options,
    LetterAddress address,
    TimeProvider time)
{
    public async Task<LetterPageResult> ListAsync(LetterFilter filter, LetterSort sort, int skip, int take, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadLetters, ct: ct);
        var seesDrafts = await capabilities.HasAsync(Policies.IssueLetter, user, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Letters.AsNoTracking().Where(l => seesDrafts || l.Status == LetterStatus.Issued);
        if (filter.Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(l => l.Kind == kind);
        }
        if (filter.AwaitingResponseOnly)
        {
            query = query.Where(l => l.Status == LetterStatus.Issued && l.ResponseDate == null);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = $"%{filter.Text.Trim()}%";
            query = query.Where(l => EF.Functions.Like(l.Number ?? "", text) || EF.Functions.Like(l.Addressee, text)
                || EF.Functions.Like(l.Subject, text) || EF.Functions.Like(l.Agreement!.Reference, text));
        }
        var total = await query.CountAsync(ct);
        query = sort switch
        {
            LetterSort.Number => query.OrderBy(l => l.Year == null).ThenByDescending(l => l.Year).ThenByDescending(l => l.Sequence),
            LetterSort.Agreement => query.OrderBy(l => l.Agreement!.Reference).ThenByDescending(l => l.Id),
            _ => query.OrderByDescending(l => l.Id),
        };
        var rows = await query.Skip(skip).Take(Math.Clamp(take, 1, 200)).Select(ToRow).ToListAsync(ct);
        return new LetterPageResult(rows, total);
    }

    public async Task<LetterDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadLetters, ct: ct);
        var seesDrafts = await capabilities.HasAsync(Policies.IssueLetter, user, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letter = await db.Letters.AsNoTracking().Include(l => l.Agreement)
            .SingleOrDefaultAsync(l => l.Id == id && (seesDrafts || l.Status == LetterStatus.Issued), ct);
        if (letter is null)
        {
            return null;
        }
        var decision = await db.BallotDecisions.AsNoTracking().SingleAsync(d => d.BallotId == letter.BallotId, ct);
        await accessLog.AppendAsync(LetterEvents.Access(user, letter, "view"), ct);
        var row = ToRowCompiled(letter);
        return new LetterDetail(row, letter.Agreement!.Title, letter.BallotId, letter.Subject, letter.Body, letter.CreatedUtc,
            letter.CreatedBy, letter.IssuedBy, letter.PdfSha256, letter.Pdf?.Length ?? 0, decision.Outcome, decision.Tally,
            decision.DecidedUtc, AgreementAccessState.Of(letter.Agreement, time.GetUtcNow()));
    }

    /// <summary>The letter laid out as it prints. A draft may be previewed with unsaved edits; its number is assigned on issue.</summary>
    public async Task<PageLayout?> PreviewAsync(int id, LetterDraftEdit? edits = null, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ReadLetters, ct: ct);
        var seesDrafts = await capabilities.HasAsync(Policies.IssueLetter, user, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letter = await db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && (seesDrafts || l.Status == LetterStatus.Issued), ct);
        if (letter is null)
        {
            return null;
        }
        if (letter.Status == LetterStatus.Draft && edits is not null)
        {
            (letter.Addressee, letter.Subject, letter.Body, letter.EffectiveDate) = (edits.Addressee, edits.Subject, edits.Body, edits.EffectiveDate);
        }
        var issued = letter.Status == LetterStatus.Issued;
        var date = issued ? DateOnly.FromDateTime(PortalTime.ToCity(letter.IssuedUtc!.Value).DateTime) : PortalTime.Today(time);
        var signer = issued ? letter.IssuedBy! : user.Identity?.Name ?? "";
        var document = await LetterDocuments.BuildAsync(db, letter, letter.Number, date, signer, options.Value, address.VerifyUrl(letter.Number ?? LetterDocuments.NumberPending), ct);
        return renderer.Layout(document);
    }

    public async Task<IReadOnlyList<DecisionAwaitingLetter>> DecisionsAsync(CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.IssueLetter, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // An amendment's adoption is no renewal or termination: no letter to the counterparty implements it.
        var decisions = await db.BallotDecisions.AsNoTracking()
            .Join(db.Ballots.Where(b => b.Kind == BallotKind.Term), d => d.BallotId, b => b.Id, (d, b) => new { d, b.AgreementId, b.Term, b.Agreement!.Reference })
            .OrderByDescending(x => x.d.DecidedUtc)
            .Select(x => new
            {
                x.d,
                x.AgreementId,
                x.Term,
                x.Reference,
                Letter = db.Letters.Where(l => l.BallotId == x.d.BallotId).Select(l => new { l.Id, l.Number }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. decisions.Select(x => new DecisionAwaitingLetter(x.d.BallotId, x.AgreementId, x.Reference, x.Term, x.d.Outcome,
            x.d.DecidedUtc, x.d.Tally, x.d.ByDefault, LetterKinds.AllowedBy(x.d.Outcome), x.Letter?.Id, x.Letter?.Number))];
    }

    public Task<(OperationResult Result, int? LetterId)> DraftAsync(int ballotId, int templateId, CancellationToken ct = default) =>
        drafting.DraftAsync(ballotId, templateId, ct);

    public Task<OperationResult> UpdateDraftAsync(int id, LetterDraftEdit edit, CancellationToken ct = default) =>
        drafting.UpdateAsync(id, edit, ct);

    public Task<DraftFacts?> DraftFactsAsync(int id, LetterDraftEdit edit, CancellationToken ct = default) => drafting.FactsAsync(id, edit, ct);

    public Task<OperationResult> DiscardDraftAsync(int id, CancellationToken ct = default) => drafting.DiscardAsync(id, ct);

    internal static readonly System.Linq.Expressions.Expression<Func<Letter, LetterRow>> ToRow = l => new LetterRow(
        l.Id, l.Number, l.Kind, l.Status, l.AgreementId, l.Agreement!.Reference, l.Addressee, l.EffectiveDate, l.IssuedUtc,
        l.SentUtc, l.SentMethod, l.ResponseDate, l.ResponseSummary);

    private static readonly Func<Letter, LetterRow> ToRowCompiled = ToRow.Compile();
}
