using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Letters;

/// <summary>
/// Many generated edits of drafts, with a fixed seed: issuing either refuses with a message naming what is wrong, or
/// yields a PDF whose text (as pdftotext reads it) states exactly the effective date the portal then enforces, and no
/// date the portal does not hold. It issues dozens of letters, so it has a portal of its own.
/// </summary>
public sealed partial class IssuedLetterDatesPropertyTests(IssuedLetterDatesPropertyTests.Host host) : IClassFixture<IssuedLetterDatesPropertyTests.Host>
{
    public sealed class Host : PortalHost;

    private const int Seed = 20261206;
    private const int Cases = 36;
    private static readonly string[] Forms = ["MMMM d, yyyy", "MMM d, yyyy", "MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"];

    [Fact]
    public async Task IssuingEitherRefusesWithAMessageOrPrintsExactlyTheEffectiveDateItEnforcesAndNoStaleDate()
    {
        var random = new Random(Seed);
        var (issued, refused) = (0, 0);
        for (var i = 0; i < Cases; i++)
        {
            if (await RunCaseAsync(random, i))
            {
                issued++;
            }
            else
            {
                refused++;
            }
        }
        Assert.True(issued >= 8 && refused >= 8, $"issued {issued}, refused {refused}: the generator should reach both outcomes");
    }

    /// <summary>One generated case; true when the letter was issued.</summary>
    private async Task<bool> RunCaseAsync(Random random, int index)
    {
        var kind = new[] { LetterKind.Termination, LetterKind.Termination, LetterKind.NonRenewal, LetterKind.Renewal }[random.Next(4)];
        var (agreementId, ballotId) = await LetterScenario.DecidedAgreementAsync(host, kind == LetterKind.Renewal ? DecisionOutcome.Renew : DecisionOutcome.Terminate);
        var letterId = await LetterScenario.DraftAsync(host, ballotId, kind);
        var today = PortalTime.Today(host.Time);
        List<DateOnly> others;
        await using (var db = await LetterScenario.Db(host))
        {
            var agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == agreementId);
            var decided = await db.BallotDecisions.AsNoTracking().Where(d => d.BallotId == ballotId).Select(d => d.DecidedUtc).SingleAsync();
            others = [agreement.EffectiveDate, agreement.ExpiryDate, agreement.ExpiryDate.AddDays(-agreement.NoticePeriodDays),
                DateOnly.FromDateTime(PortalTime.ToCity(decided).DateTime), today];
        }

        await using var scope = await host.ScopeAsAsync(LetterScenario.Solicitor);
        var letters = scope.ServiceProvider.GetRequiredService<LetterService>();
        var draft = (await letters.GetAsync(letterId))!;
        var old = draft.Row.EffectiveDate;
        var moved = random.Next(10) == 0 ? old : Pick(random, () => today.AddDays(random.Next(1, 500)), d => !others.Contains(d));
        List<DateOnly> held = [moved, .. others];
        var body = draft.Body;
        var log = new List<string> { $"case {index} (seed {Seed}): {kind}, {old:yyyy-MM-dd} -> {moved:yyyy-MM-dd}" };
        // What the text states, apart from the template's own facts (all held): the value and the words.
        var stated = new List<(DateOnly Date, string Text)>();

        if (random.Next(100) < 15)
        {
            body = string.Join("\n\n", body.Split("\n\n").Where(p => !p.Contains(LetterMerge.Long(old), StringComparison.Ordinal)));
            log.Add("removed the paragraphs stating the old date");
        }
        else
        {
            stated.Add((old, LetterMerge.Long(old)));
        }
        void Insert(DateOnly date, string why)
        {
            var text = date.ToString(Forms[random.Next(Forms.Length)], CultureInfo.InvariantCulture);
            var paragraphs = body.Split("\n\n").ToList();
            paragraphs.Insert(random.Next(1, paragraphs.Count + 1), $"For the record, {why} {text}.");
            body = string.Join("\n\n", paragraphs);
            stated.Add((date, text));
            log.Add($"inserted {why} {text}");
        }
        if (random.Next(100) < 30)
        {
            Insert(held[random.Next(held.Count)], "a held date:");
        }
        if (random.Next(100) < 25)
        {
            Insert(Pick(random, () => today.AddDays(random.Next(-4000, 4000)), d => !held.Contains(d)), "a foreign date:");
        }
        if (random.Next(100) < 15)
        {
            Insert(old, "the old date again:");
        }

        var subject = draft.Subject;
        var follows = random.Next(100) < 30;
        var localRemerge = follows && random.Next(2) == 0;
        if (localRemerge)
        {
            (subject, body, _) = LetterFacts.Remerge(subject, body, old, moved, [new HeldDate(old, "the effective date", IsEffective: true)]);
        }
        log.Add(follows ? (localRemerge ? "re-merged as the editor does" : "saved without re-merging") : "the service re-merges");
        var rewritten = moved != old && (!follows || localRemerge);
        var final = stated.Select(s => rewritten && s.Date == old ? (moved, s.Text) : s).ToList();
        var stale = final.Where(s => !held.Contains(s.Item1)).ToList();
        var expectRefusal = stale.Count > 0 || final.All(s => s.Item1 != moved);

        var saved = await letters.UpdateDraftAsync(letterId, new LetterDraftEdit(draft.Row.Addressee, subject, body, moved, follows));
        var context = string.Join("; ", log);
        Assert.True(saved.Succeeded, $"{context}: the draft was not saved: {saved.Message}");
        var result = await scope.ServiceProvider.GetRequiredService<LetterIssuer>().IssueAsync(letterId);

        await using var check = await LetterScenario.Db(host);
        var letter = await check.Letters.AsNoTracking().Include(l => l.Agreement).SingleAsync(l => l.Id == letterId);
        if (expectRefusal)
        {
            Assert.False(result.Succeeded, $"{context}: issued although the text states {string.Join(", ", stale.Select(s => s.Item2))} or not the effective date");
            Assert.StartsWith("The letter was not issued: ", result.Message, StringComparison.Ordinal);
            foreach (var (_, text) in stale)
            {
                Assert.True(result.Message.Contains(text, StringComparison.Ordinal), $"{context}: the refusal does not name {text}: {result.Message}");
            }
            if (stale.Count == 0)
            {
                Assert.Contains("never states the effective date", result.Message, StringComparison.Ordinal);
            }
            Assert.Equal(LetterStatus.Draft, letter.Status);
            Assert.Null(letter.Agreement!.TerminationEffectiveUtc);
            return false;
        }

        Assert.True(result.Succeeded, $"{context}: refused: {result.Message}");
        var enforced = LetterKinds.EndsAccess(kind)
            ? DateOnly.FromDateTime(PortalTime.ToCity(letter.Agreement!.TerminationEffectiveUtc!.Value).DateTime)
            : letter.EffectiveDate;
        if (LetterKinds.EndsAccess(kind))
        {
            Assert.Equal(TimeSpan.Zero, PortalTime.ToCity(letter.Agreement!.TerminationEffectiveUtc!.Value).TimeOfDay);
        }
        Assert.Equal(moved, enforced);
        var pdfText = await PdfText.ReadAsync(letter.Pdf!);
        var printed = PrintedDates(pdfText);
        Assert.True(printed.Contains(enforced), $"{context}: the PDF never states {LetterMerge.Long(enforced)}:\n{pdfText}");
        var foreign = printed.Where(d => !held.Contains(d)).ToList();
        Assert.True(foreign.Count == 0, $"{context}: the PDF states {string.Join(", ", foreign.Select(LetterMerge.Long))}, which the portal does not hold:\n{pdfText}");
        return true;
    }

    private static DateOnly Pick(Random random, Func<DateOnly> next, Func<DateOnly, bool> acceptable)
    {
        for (var i = 0; ; i++)
        {
            var date = next();
            if (acceptable(date) || i > 100)
            {
                return date;
            }
        }
    }

    /// <summary>The test's own reading of the dates a text states, in the five forms the generator writes.</summary>
    private static HashSet<DateOnly> PrintedDates(string text) =>
        [.. DateLike().Matches(text).Select(m => Forms.Select(f => DateOnly.TryParseExact(m.Value, f, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .FirstOrDefault(d => d is not null)).OfType<DateOnly>()];

    [GeneratedRegex(@"(?<![\w/-])(?:[A-Z][a-z]{2,8} \d{1,2}, \d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})(?![\w/-])")]
    private static partial Regex DateLike();
}
