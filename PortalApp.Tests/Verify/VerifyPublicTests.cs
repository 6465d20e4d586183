using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Hosting;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;
using PortalApp.Tests.Letters;

namespace PortalApp.Tests.Verify;

/// <summary>/verify for a visitor with no account, over plain HTTP: the answers, the limits, the headers and the log.</summary>
[Collection(AppCollection.Name)]
public sealed class VerifyPublicTests(PortalHost host)
{
    [Fact]
    public async Task AnAnonymousVisitorGetsThePageWithTheSameHeadersAsEveryOtherPage()
    {
        using var anonymous = await SignIn.ClientAsync(host.BaseUrl, null);

        var response = await anonymous.GetAsync("/verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PortalSecurity.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("Verify a letter", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANumberOrAHashNamesTheLetterItsIntactSignatureAndItsCertificateButNoPerson()
    {
        var pdf = await VerifyRequests.IssuedPdfAsync(host);
        var number = pdf.FileName[..^4];
        var certificate = host.Services.GetRequiredService<LetterCertificate>();
        using var anonymous = await SignIn.ClientAsync(host.BaseUrl, null);

        var byNumber = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/verify/{number}"));
        var byHash = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/verify?q={pdf.Sha256.ToUpperInvariant()}"));

        Assert.Contains($"Found: {number} is a letter the portal issued.", byNumber, StringComparison.Ordinal);
        Assert.Contains($"Verified: this is the SHA-256 of letter {number}.", byHash, StringComparison.Ordinal);
        foreach (var page in new[] { byNumber, byHash })
        {
            Assert.Contains("U.S. Immigration and Customs Enforcement", page, StringComparison.Ordinal);
            Assert.Contains("Termination", page, StringComparison.Ordinal);
            Assert.Contains(pdf.Sha256, page, StringComparison.Ordinal);
            Assert.Contains(">Intact<", page, StringComparison.Ordinal);
            Assert.Contains(certificate.Fingerprint, page, StringComparison.Ordinal);
            Assert.Contains("The City Solicitor's signing certificate", page, StringComparison.Ordinal);
            // The letter's addressee line and its signer are people; neither is shown.
            Assert.DoesNotContain("Field Office Director", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Jordan", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task JunkAWrongHashAndAnUnknownNumberEachGetAClearNo()
    {
        using var anonymous = await SignIn.ClientAsync(host.BaseUrl, null);

        var junk = await anonymous.GetAsync("/verify?q=" + Uri.EscapeDataString("<script>alert(1)</script> hello"));
        var wrongHash = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/verify?q={new string('0', 64)}"));
        var unknown = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/verify/SOL-1999-0042"));

        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
        var junkPage = await junk.Content.ReadAsStringAsync();
        Assert.Contains("is neither a letter number nor a SHA-256 hash", WebUtility.HtmlDecode(junkPage), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", junkPage, StringComparison.Ordinal);
        Assert.Contains("Not verified: no letter the portal issued has this SHA-256.", wrongHash, StringComparison.Ordinal);
        Assert.Contains("Not verified: no letter numbered SOL-1999-0042 was issued.", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGenuineFileIsVerifiedAndAChangedCopyANonPdfAndA30MegabyteFileAreNot()
    {
        var pdf = await VerifyRequests.IssuedPdfAsync(host);
        var number = pdf.FileName[..^4];
        var changed = (byte[])pdf.Bytes.Clone();
        changed[changed.Length / 4] ^= 0x01;
        using var anonymous = await SignIn.ClientAsync(host.BaseUrl, null);

        var genuine = await VerifyRequests.UploadAsync(anonymous, pdf.Bytes, pdf.FileName);
        var copy = await VerifyRequests.UploadAsync(anonymous, changed, pdf.FileName);
        var text = await VerifyRequests.UploadAsync(anonymous, "Dear Sir, this is not a letter."u8.ToArray(), "letter.pdf");
        var huge = await VerifyRequests.UploadAsync(anonymous, new byte[30 * 1024 * 1024], "huge.pdf");

        Assert.Equal(HttpStatusCode.OK, genuine.Status);
        Assert.Contains($"Verified: this file is exactly letter {number}.", genuine.Body, StringComparison.Ordinal);
        Assert.Contains(">Intact<", genuine.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, copy.Status);
        Assert.Contains("Not verified: no letter the portal issued has exactly this content.", copy.Body, StringComparison.Ordinal);
        Assert.Contains("Its embedded signature is broken: the file was changed after it was signed.", copy.Body, StringComparison.Ordinal);
        Assert.Contains(">Broken<", copy.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, text.Status);
        Assert.Contains("Not verified: this file is not a PDF.", text.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, huge.Status);
        Assert.Contains("Not verified: that file is 30 MB, larger than any letter.", huge.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALaterLetterOnTheSameAgreementIsNamedAsSupersedingTheEarlierOne()
    {
        var (agreementId, first) = await LetterScenario.IssuedTerminationAsync(host);
        var second = await LetterScenario.DraftAsync(host, await SecondDecisionAsync(agreementId), LetterKind.Renewal);
        await using (var scope = await host.ScopeAsAsync(LetterScenario.Solicitor))
        {
            var issued = await scope.ServiceProvider.GetRequiredService<LetterIssuer>().IssueAsync(second);
            Assert.True(issued.Succeeded, issued.Message);
        }
        await using var db = await LetterScenario.Db(host);
        var numbers = await db.Letters.AsNoTracking().Where(l => l.Id == first || l.Id == second).OrderBy(l => l.Sequence).Select(l => l.Number!).ToListAsync();
        using var anonymous = await SignIn.ClientAsync(host.BaseUrl, null);

        var earlier = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/verify/{numbers[0]}"));
        var later = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/verify/{numbers[1]}"));

        Assert.Contains($"Yes: by {numbers[1]}, issued", earlier, StringComparison.Ordinal);
        Assert.Contains("No: no later letter was issued on the same agreement.", later, StringComparison.Ordinal);
    }

    /// <summary>A second, later decision on the same agreement (to renew), as when the parties reconsider.</summary>
    private async Task<int> SecondDecisionAsync(int agreementId)
    {
        await using var db = await LetterScenario.Db(host);
        var earlier = await db.Ballots.AsNoTracking().Where(b => b.AgreementId == agreementId).FirstAsync();
        var now = host.Time.GetUtcNow();
        var ballot = new Ballot
        {
            AgreementId = agreementId, AmendmentId = earlier.AmendmentId, AmendmentHash = earlier.AmendmentHash, Term = earlier.Term + " (reconsidered)",
            OpensUtc = now.AddDays(-1), ClosesUtc = now.AddDays(10), Status = BallotStatus.Decided,
            Decision = new BallotDecision { Outcome = DecisionOutcome.Renew, DecidedUtc = now.AddMinutes(-1), Tally = "Renew 2, Terminate 1" },
        };
        db.Ballots.Add(ballot);
        await db.SaveChangesAsync();
        return ballot.Id;
    }

    [Fact]
    public async Task AnonymousChecksAreLoggedWithoutANameOrAnAddress()
    {
        var pdf = await VerifyRequests.IssuedPdfAsync(host);
        var number = pdf.FileName[..^4];
        using var anonymous = await SignIn.ClientAsync(host.BaseUrl, null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/verify/{number}")).StatusCode);

        await using var db = await LetterScenario.Db(host);
        var entry = await db.AccessLog.AsNoTracking().Where(e => e.Target == $"public verify: number: {number}").SingleAsync();
        Assert.Null(entry.UserName);
        Assert.Null(entry.UserId);
        Assert.Null(entry.ClientAddress);
        Assert.Equal(LetterVerifier.PublicSource, entry.Source);
        Assert.Equal($"number={number}", entry.Filters);
    }
}
