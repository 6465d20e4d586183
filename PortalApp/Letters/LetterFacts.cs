using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Terms;

namespace PortalApp.Letters;

/// <summary>A date the portal holds for a letter, and what it is.</summary>
public sealed record HeldDate(DateOnly Date, string Meaning, bool IsEffective = false);

/// <summary>One place where a letter's text contradicts what the letter sets: in full, and in one short clause.</summary>
public sealed record FactConflict(string Where, string Sentence, string Message, string Summary);

/// <summary>
/// The one rule for the dates a letter states (docs/letters.md): its text must state its effective date, and every date
/// it states must be one the portal holds for it: the effective date it sets, the agreement's effective and expiry dates
/// and notice deadline, the decision's date, the amendments' dates, the date of issue, or a date a party's rationale states.
/// A letter that breaks it is never issued, so what it says is what the portal enforces.
/// </summary>
public static class LetterFacts
{
    public const string Rule = "Every date a letter states must be its effective date or another date the portal holds for it, and it must state its effective date.";

    /// <summary>The instant a letter's effective date takes effect: 12:00 a.m. in the city. Issuing sets the cut-off to it.</summary>
    public static DateTimeOffset EffectiveUtc(DateOnly effectiveDate) => PortalTime.FromCity(effectiveDate, TimeOnly.MinValue);

    public static IReadOnlyList<FactConflict> Conflicts(LetterKind kind, string subject, string body, DateOnly effective, IReadOnlyList<HeldDate> held)
    {
        var stated = LetterDates.Find(subject, "subject", numberLines: false).Concat(LetterDates.Find(body, "body", numberLines: true)).ToList();
        var conflicts = new List<FactConflict>();
        var effectiveText = LetterMerge.Long(effective);
        foreach (var date in stated.Where(s => held.All(h => h.Date != s.Date)))
        {
            conflicts.Add(new FactConflict(date.Where, date.Sentence,
                $"{Capitalize(date.Where)} states {date.Text} (\"{date.Sentence}\"), but this letter sets the effective date to {effectiveText}, " +
                $"and {date.Text} is not a date the portal holds for it. Change it to {effectiveText} or remove it.",
                $"{date.Where} states {date.Text}, which is not a date the portal holds for this letter (it sets {effectiveText})"));
        }
        if (stated.All(s => s.Date != effective))
        {
            var meaning = LetterKinds.EndsAccess(kind) ? $"access ends at {LetterDates.InstantLead}{effectiveText}" : $"the new term begins on {effectiveText}";
            conflicts.Add(new FactConflict("the text", "",
                $"The text never states the effective date this letter sets, {effectiveText} ({meaning}). State it, so the letter says when it takes effect.",
                $"the text never states the effective date, {effectiveText}"));
        }
        return conflicts;
    }

    /// <summary>Every date the portal holds for <paramref name="letter"/>, were it issued on <paramref name="issueDate"/>, with <paramref name="effective"/> as its effective date.</summary>
    public static async Task<IReadOnlyList<HeldDate>> HeldAsync(PortalDbContext db, Letter letter, DateOnly effective, DateOnly issueDate, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Amendments).SingleAsync(a => a.Id == letter.AgreementId, ct);
        var decidedUtc = await db.BallotDecisions.AsNoTracking().Where(d => d.BallotId == letter.BallotId).Select(d => d.DecidedUtc).SingleAsync(ct);
        var rationales = await db.Votes.AsNoTracking().Where(v => v.BallotId == letter.BallotId && v.IsCurrent && v.Rationale != "")
            .Select(v => new { v.Party, v.Rationale }).ToListAsync(ct);
        var held = new List<HeldDate>
        {
            new(effective, "the effective date", IsEffective: true),
            new(agreement.EffectiveDate, "the agreement's effective date"),
            new(agreement.ExpiryDate, "its expiry date"),
            new(AgreementTerms.NoticeDeadline(agreement), "its notice deadline"),
            new(DateOnly.FromDateTime(PortalTime.ToCity(decidedUtc).DateTime), "the decision's date"),
        };
        held.AddRange(agreement.Amendments.OrderBy(a => a.Number).Select(a => new HeldDate(a.EffectiveDate, a.Number == 0 ? "the original agreement" : $"amendment {a.Number}")));
        held.Add(new HeldDate(issueDate, "the date of issue"));
        held.AddRange(rationales.SelectMany(r => LetterDates.Find(r.Rationale, "rationale", numberLines: false)
            .Select(d => new HeldDate(d.Date, $"a date in {LetterDocuments.PartyName(r.Party)}'s rationale"))));
        return held;
    }

    /// <summary>
    /// The text re-merged for a new effective date: each statement of the old one becomes the new one, in the same style.
    /// When the old date is also another fact of the letter, only the effective-instant phrase moves.
    /// </summary>
    public static (string Subject, string Body, int Replaced) Remerge(string subject, string body, DateOnly from, DateOnly to, IReadOnlyList<HeldDate> held)
    {
        if (from == to)
        {
            return (subject, body, 0);
        }
        var onlyInstant = held.Any(h => h.Date == from && !h.IsEffective);
        var (newSubject, inSubject) = LetterDates.Replace(subject, from, to, onlyInstant);
        var (newBody, inBody) = LetterDates.Replace(body, from, to, onlyInstant);
        return (newSubject, newBody, inSubject + inBody);
    }

    /// <summary>The held dates in date order, each with what it is: "July 31, 2027: its expiry date; …".</summary>
    public static string Describe(IReadOnlyList<HeldDate> held) =>
        string.Join("; ", held.GroupBy(h => h.Date).OrderBy(g => g.Key).Select(g => $"{LetterMerge.Long(g.Key)}: {string.Join(", ", g.Select(h => h.Meaning).Distinct())}"));

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
