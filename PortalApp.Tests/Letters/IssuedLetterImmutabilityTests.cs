using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Letters;

[Collection(AppCollection.Name)]
public sealed class IssuedLetterImmutabilityTests(PortalHost host)
{
    [Fact]
    public async Task EveryServiceCallThatWouldChangeAnIssuedLetterIsRefused()
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        var before = await LoadAsync(letterId);
        await using var scope = await host.ScopeAsAsync(LetterScenario.Solicitor);
        var services = scope.ServiceProvider;

        var edit = await services.GetRequiredService<LetterService>().UpdateDraftAsync(letterId,
            new LetterDraftEdit("Someone else", "Another subject", "Another body", before.EffectiveDate.AddDays(5)));
        var discard = await services.GetRequiredService<LetterService>().DiscardDraftAsync(letterId);
        var reissue = await services.GetRequiredService<LetterIssuer>().IssueAsync(letterId);

        Assert.False(edit.Succeeded);
        Assert.Contains("cannot be changed", edit.Message, StringComparison.Ordinal);
        Assert.False(discard.Succeeded);
        Assert.False(reissue.Succeeded);
        var after = await LoadAsync(letterId);
        Assert.Equal((before.Number, before.Subject, before.Body, before.Addressee, before.EffectiveDate, before.PdfSha256),
            (after.Number, after.Subject, after.Body, after.Addressee, after.EffectiveDate, after.PdfSha256));
        Assert.Equal(before.Pdf, after.Pdf);
    }

    [Theory]
    [InlineData("UPDATE Letters SET Body = 'tampered' WHERE Id = {0}")]
    [InlineData("UPDATE Letters SET Subject = 'tampered' WHERE Id = {0}")]
    [InlineData("UPDATE Letters SET PdfSha256 = '00' WHERE Id = {0}")]
    [InlineData("UPDATE Letters SET Pdf = x'00' WHERE Id = {0}")]
    [InlineData("UPDATE Letters SET Number = 'SOL-1999-0001' WHERE Id = {0}")]
    [InlineData("UPDATE Letters SET Status = 'Draft' WHERE Id = {0}")]
    [InlineData("DELETE FROM Letters WHERE Id = {0}")]
    public async Task TheDatabaseRefusesARawChangeToAnIssuedLetter(string sql)
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        await using var db = await LetterScenario.Db(host);

        var raw = TestSql.For(host.Database.Provider, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, letterId));
        var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(raw));

        Assert.Contains("issued letter", refused.Message, StringComparison.Ordinal);
        Assert.Equal(LetterStatus.Issued, (await LoadAsync(letterId)).Status);
    }

    [Fact]
    public async Task TrackingFieldsOfAnIssuedLetterMayStillBeRecorded()
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        await using var scope = await host.ScopeAsAsync(LetterScenario.Solicitor);
        var tracking = scope.ServiceProvider.GetRequiredService<LetterTracking>();

        var sent = await tracking.RecordSentAsync(letterId, host.Time.GetUtcNow(), "Certified mail");
        var answered = await tracking.RecordResponseAsync(letterId, PortalApp.Common.PortalTime.Today(host.Time), "Acknowledged receipt.");

        Assert.True(sent.Succeeded, sent.Message);
        Assert.True(answered.Succeeded, answered.Message);
        var letter = await LoadAsync(letterId);
        Assert.Equal("Certified mail", letter.SentMethod);
        Assert.Equal("Acknowledged receipt.", letter.ResponseSummary);
        await using var db = await LetterScenario.Db(host);
        Assert.Contains(await db.AgreementEvents.Where(e => e.AgreementId == letter.AgreementId).Select(e => e.Kind).ToListAsync(),
            k => k == "letter-response");
    }

    [Fact]
    public async Task AStakeholderMayReadButNotDraftOrIssue()
    {
        var (_, ballotId) = await LetterScenario.DecidedAgreementAsync(host);
        await using var scope = await host.ScopeAsAsync("city@portal.local");
        var letters = scope.ServiceProvider.GetRequiredService<LetterService>();

        await letters.ListAsync(new LetterFilter(), LetterSort.Newest, 0, 10);
        await Assert.ThrowsAsync<global::PortalApp.Authorization.CapabilityDeniedException>(() => letters.DraftAsync(ballotId, 1));
        await Assert.ThrowsAsync<global::PortalApp.Authorization.CapabilityDeniedException>(() => scope.ServiceProvider.GetRequiredService<LetterIssuer>().IssueAsync(1));
    }

    private async Task<Letter> LoadAsync(int id)
    {
        await using var db = await LetterScenario.Db(host);
        return await db.Letters.AsNoTracking().SingleAsync(l => l.Id == id);
    }
}
