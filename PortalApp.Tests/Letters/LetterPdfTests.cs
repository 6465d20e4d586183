using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;
using UglyToad.PdfPig;
using PortalApp.Terms;

namespace PortalApp.Tests.Letters;

[Collection(AppCollection.Name)]
public sealed class LetterPdfTests(PortalHost host)
{
    [Fact]
    public async Task TheStoredPdfMatchesItsHashAndOneChangedByteFailsVerification()
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        await using var scope = await host.ScopeAsAsync("auditor@portal.local");
        var verifier = scope.ServiceProvider.GetRequiredService<LetterVerifier>();

        var pdf = (await verifier.GetPdfAsync(letterId))!;
        Assert.Equal(pdf.Sha256, LetterIssuer.Sha256(pdf.Bytes));
        var genuine = await verifier.VerifyFileAsync(pdf.Bytes);
        Assert.True(genuine.IsIssuedLetter, genuine.Message);
        Assert.Equal(letterId, genuine.LetterId);
        Assert.True((await verifier.VerifyHashAsync(pdf.Sha256.ToUpperInvariant())).IsIssuedLetter);

        var tampered = (byte[])pdf.Bytes.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        var result = await verifier.VerifyFileAsync(tampered);
        Assert.False(result.IsIssuedLetter);
        Assert.StartsWith("Not verified", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongHashOrFileIsComparedWithTheLetterOnScreenAndJunkIsNamedAsNotAHash()
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        await using var scope = await host.ScopeAsAsync(LetterScenario.Solicitor);
        var verifier = scope.ServiceProvider.GetRequiredService<LetterVerifier>();
        var pdf = (await verifier.GetPdfAsync(letterId))!;
        var number = pdf.FileName[..^4];

        var junk = await verifier.VerifyHashAsync("hello", letterId);
        var wrongHash = await verifier.VerifyHashAsync(new string('0', 64), letterId);
        var tampered = (byte[])pdf.Bytes.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        var wrongFile = await verifier.VerifyFileAsync(tampered, letterId);

        Assert.Equal("Not verified: \u201chello\u201d is not a SHA-256 hash (64 hexadecimal characters).", junk.Message);
        Assert.Equal("", junk.Sha256);
        Assert.Equal($"Not verified: this hash is not the hash of letter {number}; its hash is {pdf.Sha256}. No letter the portal issued has this hash.", wrongHash.Message);
        Assert.Equal($"Not verified: this file is not letter {number}: its SHA-256 is {LetterIssuer.Sha256(tampered)}, and the letter's is {pdf.Sha256}. No letter the portal issued has exactly this content.", wrongFile.Message);
        Assert.False(junk.IsIssuedLetter || wrongHash.IsIssuedLetter || wrongFile.IsIssuedLetter);
    }

    [Fact]
    public async Task TheFooterNamesTheAddressThePortalIsServedOnNotADefaultPort()
    {
        var (_, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        await using var db = await LetterScenario.Db(host);
        var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId);

        using var document = PdfDocument.Open(letter.Pdf!);
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

        Assert.Contains($":{new Uri(host.BaseUrl).Port}/verify/{letter.Number}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(":5080/", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePdfTextHoldsTheNumberAddresseeReferenceAndEffectiveDate()
    {
        var (agreementId, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        await using var db = await LetterScenario.Db(host);
        var letter = await db.Letters.AsNoTracking().Include(l => l.Agreement).SingleAsync(l => l.Id == letterId);

        using var document = PdfDocument.Open(letter.Pdf!);
        var text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        Assert.Contains(letter.Number!, text, StringComparison.Ordinal);
        Assert.Contains("Field Office Director", text, StringComparison.Ordinal);
        Assert.Contains("U.S. Immigration and Customs Enforcement", text, StringComparison.Ordinal);
        Assert.Contains(letter.Agreement!.Reference, text, StringComparison.Ordinal);
        Assert.Contains($"12:00 a.m. Eastern Time on {LetterMerge.Long(letter.EffectiveDate)}", text, StringComparison.Ordinal);
        Assert.Contains($"/verify/{letter.Number}", text, StringComparison.Ordinal);
        Assert.Equal(agreementId, letter.AgreementId);
    }

    [Fact]
    public async Task IssuingATerminationSetsTheAgreementsCutOffToTheEndOfTheTermInTheCity()
    {
        var (agreementId, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        await using var db = await LetterScenario.Db(host);
        var agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == agreementId);
        var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId);

        Assert.Equal(PortalApp.Terms.AgreementTerms.EndOfTermUtc(agreement), agreement.TerminationEffectiveUtc);
        Assert.Equal(letter.Number, agreement.TerminationLetterNumber);
        var state = PortalApp.Terms.AgreementAccessState.Of(agreement, host.Time.GetUtcNow());
        Assert.True(state.InForce);
        Assert.StartsWith("terminating on ", state.Summary, StringComparison.Ordinal);
        Assert.EndsWith($"under letter {letter.Number}", state.Summary, StringComparison.Ordinal);
    }
}
