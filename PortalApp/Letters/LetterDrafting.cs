using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Terms;

namespace PortalApp.Letters;

/// <summary>The Solicitor's drafts: merged from a template with a decision's facts, edited, discarded. Never an issued letter.</summary>
public sealed class LetterDrafting(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    TimeProvider time)
{
    public const int MaxBodyLength = 20_000;

    public async Task<(OperationResult Result, int? LetterId)> DraftAsync(int ballotId, int templateId, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.IssueLetter, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ballot = await db.Ballots.AsNoTracking().Include(b => b.Agreement).ThenInclude(a => a!.Seats)
            .Include(b => b.Decision).SingleOrDefaultAsync(b => b.Id == ballotId, ct);
        if (ballot?.Decision is not { } decision)
        {
            return (OperationResult.Fail("That ballot has not been decided, so there is nothing to write yet."), null);
        }
        if (ballot.Kind != BallotKind.Term)
        {
            return (OperationResult.Fail("That ballot decided an amendment's adoption, not a renewal or termination; no letter implements it."), null);
        }
        var template = await db.LetterTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null)
        {
            return (OperationResult.Fail("That template no longer exists."), null);
        }
        if (!LetterKinds.AllowedBy(decision.Outcome).Contains(template.Kind))
        {
            return (OperationResult.Fail($"The decision was to {decision.Outcome.ToString().ToLowerInvariant()}; a {LetterKinds.Title(template.Kind).ToLowerInvariant()} letter does not implement it."), null);
        }
        var existing = await db.Letters.AsNoTracking().Where(l => l.BallotId == ballotId).Select(l => new { l.Id, l.Number }).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return (OperationResult.Fail($"This decision already has a letter ({existing.Number ?? $"draft #{existing.Id}"})."), existing.Id);
        }

        var agreement = ballot.Agreement!;
        var effective = AgreementTerms.DecisionEffectiveDate(agreement, decision.Outcome);
        var addressee = Addressee(agreement);
        var fields = await FieldsAsync(db, ballot, decision, addressee, effective, user, ct);
        string subject, body;
        try
        {
            subject = LetterMerge.Render(template.Subject, fields).ReplaceLineEndings(" ");
            body = LetterMerge.Render(template.Body, fields);
        }
        catch (LetterTemplateException ex)
        {
            return (OperationResult.Fail(ex.Message), null);
        }
        await accessLog.AppendAsync(new AccessEvent(AccessActions.LetterAction)
        {
            Actor = user,
            Target = $"ballot {ballotId} (agreement {agreement.Id}): draft {template.Kind} letter from template {template.Id}",
        }, ct);
        var now = time.GetUtcNow();
        var letter = new Letter
        {
            Kind = template.Kind,
            Status = LetterStatus.Draft,
            AgreementId = agreement.Id,
            BallotId = ballotId,
            Addressee = addressee,
            Subject = subject,
            Body = body,
            EffectiveDate = effective,
            CreatedUtc = now,
            CreatedBy = user.Identity?.Name ?? "",
        };
        db.Letters.Add(letter);
        db.AgreementEvents.Add(LetterEvents.Timeline(letter, "letter-drafted",
            $"The Solicitor drafted a {LetterKinds.Title(letter.Kind).ToLowerInvariant()} letter implementing the decision of ballot {ballotId}.", user, now));
        await db.SaveChangesAsync(ct);
        return (OperationResult.Ok("Draft created from the template."), letter.Id);
    }

    public async Task<OperationResult> UpdateAsync(int id, LetterDraftEdit edit, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.IssueLetter, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letter = await db.Letters.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null)
        {
            return OperationResult.Fail("That letter does not exist.");
        }
        if (letter.Status != LetterStatus.Draft)
        {
            await accessLog.AppendAsync(LetterEvents.Access(user, letter, "edit refused: issued", AccessOutcomes.Refused), ct);
            return OperationResult.Fail($"{letter.Number} has been issued; an issued letter cannot be changed.");
        }
        if (Validate(edit, PortalTime.Today(time), letter.Kind) is { } problem)
        {
            return OperationResult.Fail(problem);
        }
        await accessLog.AppendAsync(LetterEvents.Access(user, letter, "edit draft"), ct);
        var today = PortalTime.Today(time);
        var (subject, body) = (edit.Subject.Trim(), edit.Body.Trim());
        var remerged = 0;
        if (!edit.TextFollowsDate && edit.EffectiveDate != letter.EffectiveDate)
        {
            var before = await LetterFacts.HeldAsync(db, letter, letter.EffectiveDate, today, ct);
            (subject, body, remerged) = LetterFacts.Remerge(subject, body, letter.EffectiveDate, edit.EffectiveDate, before);
        }
        var conflicts = LetterFacts.Conflicts(letter.Kind, subject, body, edit.EffectiveDate, await LetterFacts.HeldAsync(db, letter, edit.EffectiveDate, today, ct));
        letter.Addressee = edit.Addressee.Trim();
        letter.Subject = subject;
        letter.Body = body;
        letter.EffectiveDate = edit.EffectiveDate;
        try
        {
            // The status is part of the update's condition, so a letter issued meanwhile is not touched.
            var changed = await db.Letters.Where(l => l.Id == id && l.Status == LetterStatus.Draft).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Addressee, letter.Addressee).SetProperty(l => l.Subject, letter.Subject)
                .SetProperty(l => l.Body, letter.Body).SetProperty(l => l.EffectiveDate, letter.EffectiveDate), ct);
            return changed == 1 ? OperationResult.Ok(SavedMessage(remerged, edit.EffectiveDate, conflicts)) : OperationResult.Fail("The letter was issued meanwhile; it cannot be changed.");
        }
        catch (DbUpdateException)
        {
            return OperationResult.Fail("The letter was issued meanwhile; it cannot be changed.");
        }
    }

    /// <summary>The dates the portal holds for a draft with these edits, and where its text contradicts them.</summary>
    public async Task<DraftFacts?> FactsAsync(int id, LetterDraftEdit edit, CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.IssueLetter, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letter = await db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.Status == LetterStatus.Draft, ct);
        if (letter is null)
        {
            return null;
        }
        var held = await LetterFacts.HeldAsync(db, letter, edit.EffectiveDate, PortalTime.Today(time), ct);
        return new DraftFacts(held, LetterFacts.Conflicts(letter.Kind, edit.Subject, edit.Body, edit.EffectiveDate, held));
    }

    private static string SavedMessage(int remerged, DateOnly effective, IReadOnlyList<FactConflict> conflicts)
    {
        var saved = remerged == 0 ? "Draft saved." : $"Draft saved; {remerged} mention{(remerged == 1 ? "" : "s")} of the old effective date now state{(remerged == 1 ? "s" : "")} {LetterMerge.Long(effective)}.";
        return conflicts.Count == 0 ? saved : $"{saved} It cannot be issued yet: {string.Join("; ", conflicts.Select(c => c.Summary))}.";
    }

    public async Task<OperationResult> DiscardAsync(int id, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.IssueLetter, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letter = await db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null)
        {
            return OperationResult.Fail("That letter does not exist.");
        }
        if (letter.Status != LetterStatus.Draft)
        {
            await accessLog.AppendAsync(LetterEvents.Access(user, letter, "discard refused: issued", AccessOutcomes.Refused), ct);
            return OperationResult.Fail($"{letter.Number} has been issued; an issued letter is never deleted.");
        }
        await accessLog.AppendAsync(LetterEvents.Access(user, letter, "discard draft"), ct);
        await db.Letters.Where(l => l.Id == id && l.Status == LetterStatus.Draft).ExecuteDeleteAsync(ct);
        db.AgreementEvents.Add(LetterEvents.Timeline(letter, "letter-discarded", $"The Solicitor discarded draft {LetterEvents.Describe(letter)}.", user, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok("Draft discarded.");
    }

    public static string? Validate(LetterDraftEdit edit, DateOnly today, LetterKind kind)
    {
        // The one rule for free text (length, control characters, valid Unicode); the addressee and body keep their lines.
        if (InputRules.First(
                InputRules.Problem(edit.Addressee, "The addressee block", 1000, multiline: true),
                InputRules.Problem(edit.Subject, "The subject", 300),
                InputRules.Problem(edit.Body, "The body", MaxBodyLength, multiline: true),
                LetterGlyphs.Problem(edit.Addressee, "The addressee block"),
                LetterGlyphs.Problem(edit.Subject, "The subject"),
                LetterGlyphs.Problem(edit.Body, "The body")) is { } problem)
        {
            return problem;
        }
        if (LetterKinds.EndsAccess(kind) && edit.EffectiveDate <= today)
        {
            return "The effective date must be after today: access cannot be ended in the past.";
        }
        return null;
    }

    private static string Addressee(Agreement agreement)
    {
        var lines = agreement.CounterpartyAddress.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.Insert(Math.Min(1, lines.Count), agreement.Counterparty);
        return string.Join('\n', lines);
    }

    private static async Task<MergeFields> FieldsAsync(PortalDbContext db, Ballot ballot, BallotDecision decision, string addressee,
        DateOnly effective, ClaimsPrincipal user, CancellationToken ct)
    {
        var agreement = ballot.Agreement!;
        var supporting = decision.Outcome == DecisionOutcome.Terminate ? VoteChoice.Terminate : VoteChoice.Renew;
        var votes = await db.Votes.AsNoTracking()
            .Where(v => v.BallotId == ballot.Id && v.IsCurrent && v.Choice == supporting && v.Rationale != "")
            .Select(v => new { v.Party, v.Choice, v.Rationale }).ToListAsync(ct);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var solicitor = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? user.Identity?.Name ?? "";
        return new MergeFields(
            agreement.Reference, agreement.Title, agreement.EffectiveDate, agreement.ExpiryDate, AgreementTerms.NoticeDeadline(agreement),
            agreement.Counterparty, agreement.CounterpartyAddress, addressee.Split('\n')[0],
            [.. agreement.Seats.OrderBy(s => s.Party).Select(s => LetterDocuments.PartyName(s.Party))],
            decision.Outcome.ToString(), decision.Tally, decision.DecidedUtc, decision.ByDefault, ballot.Term, effective,
            [.. votes.OrderBy(v => v.Party).Select(v => new Finding(Capitalize(LetterDocuments.PartyName(v.Party)), v.Choice.ToString(), v.Rationale.Trim()))],
            solicitor);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
