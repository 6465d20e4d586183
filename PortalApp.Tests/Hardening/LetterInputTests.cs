using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Common;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Letters;

namespace PortalApp.Tests.Hardening;

/// <summary>Letter tracking's free text goes through InputRules, and text the letter's typeface lacks never breaks a letter.</summary>
[Collection(AppCollection.Name)]
public sealed class LetterInputTests(PortalHost host)
{
    [Fact]
    public async Task TrackingRefusesControlCharactersAndOverlongTextAndChangesNothing()
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        await using var scope = await host.ScopeAsAsync(LetterScenario.Solicitor);
        var tracking = scope.ServiceProvider.GetRequiredService<LetterTracking>();
        var now = host.Time.GetUtcNow();
        foreach (var bad in new[] { "line\u0000null", "bell\u0007and\u001bescape", "lone surrogate \ud800 here", new string('A', 2001), "   ", "" })
        {
            var sent = await tracking.RecordSentAsync(letterId, now, bad);
            var response = await tracking.RecordResponseAsync(letterId, PortalApp.Common.PortalTime.Today(host.Time), bad);
            Assert.False(sent.Succeeded);
            Assert.False(response.Succeeded);
            Assert.False(string.IsNullOrWhiteSpace(sent.Message));
            Assert.False(string.IsNullOrWhiteSpace(response.Message));
        }
        await using var db = await LetterScenario.Db(host);
        var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId);
        Assert.Null(letter.SentUtc);
        Assert.Null(letter.ResponseSummary);
    }

    [Fact]
    public async Task ARationaleWithCharactersTheTypefaceLacksMakesADraftThatPreviewsAndIsRefusedIssueWithAClearMessage()
    {
        var (_, ballotId) = await LetterScenario.DecidedAgreementAsync(host);
        await using (var db = await LetterScenario.Db(host))
        {
            var vote = await db.Votes.SingleAsync(v => v.BallotId == ballotId);
            vote.Rationale = "Unaudited use \ud83d\ude00 \uFFFD \u4e2d\u6587.";
            await db.SaveChangesAsync();
        }
        var letterId = await LetterScenario.DraftAsync(host, ballotId);
        await using var scope = await host.ScopeAsAsync(LetterScenario.Solicitor);
        // The draft opens: its preview prints what the typeface lacks as "?" (before, the page failed on every visit).
        var preview = await scope.ServiceProvider.GetRequiredService<LetterService>().PreviewAsync(letterId);
        Assert.NotNull(preview);
        Assert.Contains(preview.Texts, t => t.Text.Contains("Unaudited use ?? ? ??.", StringComparison.Ordinal));
        // Issuing asks the Solicitor to edit those characters out first.
        var issued = await scope.ServiceProvider.GetRequiredService<LetterIssuer>().IssueAsync(letterId);
        Assert.False(issued.Succeeded);
        Assert.Contains("cannot print", issued.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Notice \ud83d\ude00")]
    [InlineData("Replacement \uFFFD")]
    [InlineData("Chinese \u4e2d\u6587")]
    public void TypedLetterTextTheTypefaceCannotPrintGetsAClearMessage(string subject)
    {
        var problem = LetterDrafting.Validate(new LetterDraftEdit("Director\n1 Plaza", subject, "Dear Director:", new DateOnly(2099, 1, 1)), new DateOnly(2026, 1, 1), Portal.Data.Entities.LetterKind.Renewal);
        Assert.NotNull(problem);
        Assert.Contains("cannot print", problem, StringComparison.Ordinal);
    }
}
