using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Letters;

[Collection(AppCollection.Name)]
public sealed class LetterRemergeTests(PortalHost host)
{
    private static readonly DateOnly August1 = new(2027, 8, 1);
    private static readonly DateOnly December6 = new(2026, 12, 6);
    private static readonly HeldDate[] Held = [new(August1, "the effective date", IsEffective: true), new(new DateOnly(2027, 7, 31), "its expiry date")];

    [Fact]
    public void MovingTheEffectiveDateRewritesEveryStatementOfTheOldDateInItsOwnStyleAndNothingElse()
    {
        const string body = """
            The Agreement terminates at 12:00 a.m. Eastern Time on August 1, 2027. Our own words stay.
            In short: 08/01/2027, 8/1/2027, 2027-08-01 and Aug 1, 2027.
            The term ends on July 31, 2027; 18/1/2027 and 2027-08-011 are not dates.
            """;

        var (subject, merged, replaced) = LetterFacts.Remerge("Termination effective August 1, 2027", body, August1, December6, Held);

        Assert.Equal("Termination effective December 6, 2026", subject);
        Assert.Equal("""
            The Agreement terminates at 12:00 a.m. Eastern Time on December 6, 2026. Our own words stay.
            In short: 12/06/2026, 12/6/2026, 2026-12-06 and Dec 6, 2026.
            The term ends on July 31, 2027; 18/1/2027 and 2027-08-011 are not dates.
            """, merged);
        Assert.Equal(6, replaced);
    }

    [Fact]
    public void WhenTheOldEffectiveDateIsAlsoAnotherFactOnlyTheEffectiveInstantMoves()
    {
        HeldDate[] held = [new(August1, "the effective date", IsEffective: true), new(August1, "the decision's date")];
        var (_, merged, replaced) = LetterFacts.Remerge("", "Decided on August 1, 2027. Access ends at 12:00 a.m. Eastern Time on August 1, 2027.", August1, December6, held);

        Assert.Equal("Decided on August 1, 2027. Access ends at 12:00 a.m. Eastern Time on December 6, 2026.", merged);
        Assert.Equal(1, replaced);
    }

    [Fact]
    public void AStaleDateIsNamedWithItsLineTheDateTheLetterSetsAndTheRule()
    {
        const string body = "Dear Director:\n\nWe write.\n\nThe Agreement terminates at 12:00 a.m. Eastern Time on August 1, 2027. Nothing else.\n\nAccess ends December 6, 2026.";
        HeldDate[] held = [new(December6, "the effective date", IsEffective: true), new(new DateOnly(2027, 7, 31), "its expiry date")];

        var conflict = Assert.Single(LetterFacts.Conflicts(LetterKind.Termination, "Notice", body, December6, held));

        Assert.Equal("line 5 of the body", conflict.Where);
        Assert.Equal("The Agreement terminates at 12:00 a.m. Eastern Time on August 1, 2027.", conflict.Sentence);
        Assert.StartsWith("Line 5 of the body states August 1, 2027 (", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("sets the effective date to December 6, 2026", conflict.Message, StringComparison.Ordinal);
        Assert.EndsWith("is not a date the portal holds for it. Change it to December 6, 2026 or remove it.", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("line 5 of the body states August 1, 2027, which is not a date the portal holds for this letter (it sets December 6, 2026)", conflict.Summary);
        Assert.Equal("December 6, 2026: the effective date; July 31, 2027: its expiry date", LetterFacts.Describe(held));
    }

    [Fact]
    public void ALetterThatNeverStatesItsEffectiveDateIsRefusedAndOneThatStatesOnlyHeldDatesIsNot()
    {
        HeldDate[] held = [new(December6, "the effective date", IsEffective: true), new(new DateOnly(2027, 7, 31), "its expiry date")];

        var missing = Assert.Single(LetterFacts.Conflicts(LetterKind.NonRenewal, "Notice", "The term ends on 07/31/2027.", December6, held));
        Assert.Contains("never states the effective date this letter sets, December 6, 2026", missing.Message, StringComparison.Ordinal);
        Assert.Empty(LetterFacts.Conflicts(LetterKind.NonRenewal, "Notice", "The term ends on 2027-07-31; access ends on 12/6/2026.", December6, held));
    }

    [Fact]
    public async Task SavingADraftWithANewEffectiveDateReMergesItsTextAndKeepsTheSolicitorsWording()
    {
        var (_, ballotId) = await LetterScenario.DecidedAgreementAsync(host);
        var letterId = await LetterScenario.DraftAsync(host, ballotId);
        var moved = PortalTime.Today(host.Time).AddDays(3);
        await using var scope = await host.ScopeAsAsync(LetterScenario.Solicitor);
        var letters = scope.ServiceProvider.GetRequiredService<LetterService>();
        var draft = (await letters.GetAsync(letterId))!;
        var old = draft.Row.EffectiveDate;
        Assert.Contains($"12:00 a.m. Eastern Time on {LetterMerge.Long(old)}", draft.Body, StringComparison.Ordinal);

        var result = await letters.UpdateDraftAsync(letterId, new LetterDraftEdit(draft.Row.Addressee, draft.Subject,
            draft.Body + "\n\nOur own closing sentence, written by hand.", moved));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal($"Draft saved; 1 mention of the old effective date now states {LetterMerge.Long(moved)}.", result.Message);
        await using var db = await LetterScenario.Db(host);
        var saved = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId);
        Assert.Equal(moved, saved.EffectiveDate);
        Assert.Contains($"12:00 a.m. Eastern Time on {LetterMerge.Long(moved)}", saved.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(LetterMerge.Long(old), saved.Body, StringComparison.Ordinal);
        Assert.Equal(draft.Body.Replace(LetterMerge.Long(old), LetterMerge.Long(moved), StringComparison.Ordinal) + "\n\nOur own closing sentence, written by hand.", saved.Body);
    }
}
