using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace PortalApp.Letters;

/// <summary>What a letter's signature says about itself beside the certificate: who issued it, why, and when.</summary>
public sealed record SignatureFacts(string SignerName, string SignerTitle, string Number, DateTimeOffset SigningTime);

/// <summary>
/// Signs a rendered letter with PDFsharp 6.2.4 (MIT): an invisible signature field on the first page whose value is a
/// detached CMS signature (SHA-256, RSA) over the whole file except the signature itself, so any PDF reader can tell
/// whether a single byte changed and which certificate signed it.
/// </summary>
public sealed class LetterSigner(LetterCertificate certificate)
{
    public byte[] Sign(byte[] pdf, SignatureFacts facts)
    {
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        document.Info.ModificationDate = facts.SigningTime.UtcDateTime;
        DigitalSignatureHandler.ForDocument(document, new CmsSigner(certificate, facts.SigningTime), new DigitalSignatureOptions
        {
            // An invisible signature: the letter's own signature block is the visible one.
            AppearanceHandler = new NoAppearance(),
            Reason = $"{facts.Number} issued by {facts.SignerName}, {facts.SignerTitle}",
            Location = "Office of the City Solicitor",
            ContactInfo = facts.SignerName,
            AppName = "Portal",
            PageIndex = 0,
        });
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private sealed class NoAppearance : PdfSharp.Pdf.Annotations.IAnnotationAppearanceHandler
    {
        public void DrawAppearance(PdfSharp.Drawing.XGraphics gfx, PdfSharp.Drawing.XRect rect)
        {
        }
    }

    /// <summary>
    /// A CMS signer whose signing time and signing certificate are signed attributes (CAdES-style), so neither can be
    /// swapped without breaking the signature; PDFsharp's default signer leaves the time unsigned.
    /// </summary>
    private sealed class CmsSigner(LetterCertificate certificate, DateTimeOffset signingTime) : IDigitalSigner
    {
        private int size;

        public string CertificateName => certificate.Certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false);

        public async Task<int> GetSignatureSizeAsync()
        {
            if (size == 0)
            {
                // An RSA signature's length does not depend on what is signed; a little room for the encoding's slack.
                size = (await GetSignatureAsync(new MemoryStream([0]))).Length + 16;
            }
            return size;
        }

        public Task<byte[]> GetSignatureAsync(Stream stream)
        {
            var content = new byte[stream.Length];
            stream.Position = 0;
            stream.ReadExactly(content);
            var signed = new SignedCms(new ContentInfo(content), detached: true);
            var signer = new System.Security.Cryptography.Pkcs.CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate.Certificate)
            {
                DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
                IncludeOption = System.Security.Cryptography.X509Certificates.X509IncludeOption.EndCertOnly,
            };
            signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
            signer.SignedAttributes.Add(SigningCertificateV2());
            signed.ComputeSignature(signer, silent: true);
            return Task.FromResult(signed.Encode());
        }

        /// <summary>ESS signing-certificate-v2 (RFC 5035): the SHA-256 of the signing certificate, bound into the signature.</summary>
        private AsnEncodedData SigningCertificateV2()
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            using (writer.PushSequence())
            using (writer.PushSequence())
            {
                writer.WriteOctetString(SHA256.HashData(certificate.Certificate.RawData));
            }
            return new AsnEncodedData(new Oid("1.2.840.113549.1.9.16.2.47"), writer.Encode());
        }
    }
}
