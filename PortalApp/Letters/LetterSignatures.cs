using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;

namespace PortalApp.Letters;

/// <summary>What a PDF's embedded signature says, checked the way a PDF reader checks it.</summary>
public sealed record SignatureCheck(bool Present, bool Intact, string? Fingerprint, string? Subject, DateTimeOffset? SigningTime, string Summary)
{
    public static SignatureCheck None(string summary) => new(false, false, null, null, null, summary);
}

/// <summary>
/// Reads the last signature of a PDF (its /ByteRange and /Contents) and checks it: the signed ranges must cover the
/// whole file but the signature itself, and the CMS signature must match those bytes under its certificate's key.
/// It proves the file is unchanged since that certificate signed it; whose certificate it is, /verify says beside.
/// </summary>
public static partial class LetterSignatures
{
    public static SignatureCheck Check(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var matches = ByteRange().Matches(text);
        if (matches.Count == 0)
        {
            return SignatureCheck.None("The file carries no digital signature.");
        }
        var range = matches[^1].Groups.Cast<Group>().Skip(1).Select(g => long.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray();
        long start2 = range[2], length1 = range[1], length2 = range[3];
        if (range[0] != 0 || length1 <= 0 || start2 <= length1 + 1 || start2 + length2 != pdf.Length || pdf[length1] != '<' || pdf[start2 - 1] != '>')
        {
            return Broken(null, "the signed byte ranges do not cover the whole file");
        }
        byte[] der;
        try
        {
            var hex = Convert.FromHexString(text.AsSpan((int)length1 + 1, (int)(start2 - length1 - 2)));
            AsnDecoder.ReadEncodedValue(hex, AsnEncodingRules.BER, out _, out _, out var consumed);
            der = hex[..consumed];
        }
        catch (Exception ex) when (ex is FormatException or AsnContentException)
        {
            return Broken(null, "its signature value is not readable");
        }
        var signed = new byte[length1 + length2];
        pdf.AsSpan(0, (int)length1).CopyTo(signed);
        pdf.AsSpan((int)start2, (int)length2).CopyTo(signed.AsSpan((int)length1));
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(der);
        }
        catch (CryptographicException)
        {
            return Broken(null, "its signature value is not readable");
        }
        if (cms.SignerInfos.Count == 0 || cms.SignerInfos[0].Certificate is not { } certificate)
        {
            return Broken(null, "its signature names no certificate");
        }
        var signer = cms.SignerInfos[0];
        var time = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .SelectMany(a => a.Values.Cast<AsnEncodedData>()).OfType<Pkcs9SigningTime>()
            .Select(t => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(t.SigningTime, DateTimeKind.Utc))).FirstOrDefault();
        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return Broken(certificate, "the file was changed after it was signed");
        }
        return new SignatureCheck(true, true, Fingerprints.Of(certificate), certificate.Subject, time,
            $"The embedded signature is intact: nothing in the file changed since {certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false)} signed it.");
    }

    private static SignatureCheck Broken(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate, string why) =>
        new(true, false, certificate is null ? null : Fingerprints.Of(certificate), certificate?.Subject, null, $"The embedded signature is broken: {why}.");

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();
}
