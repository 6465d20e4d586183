using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Portal.Data;
using PortalApp.Common;

namespace PortalApp.Letters;

/// <summary>The certificate issued letters are signed with, and its SHA-256 fingerprint as /verify shows it.</summary>
public sealed class LetterCertificate(X509Certificate2 certificate)
{
    public X509Certificate2 Certificate { get; } = certificate;

    public string Fingerprint { get; } = Fingerprints.Of(certificate);
}

public static class Fingerprints
{
    /// <summary>The certificate's SHA-256 fingerprint, as hex pairs the way PDF readers and openssl print it.</summary>
    public static string Of(X509Certificate2 certificate) =>
        Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Aggregate("", (s, pair) => s.Length == 0 ? new string(pair) : $"{s}:{new string(pair)}");
}

/// <summary>
/// Loads the Solicitor's signing certificate: a PKCS#12 file named by <c>Letters:SigningCertificate</c> with its password
/// from <c>Letters:SigningCertificatePassword</c> or <c>Letters:SigningCertificatePasswordFile</c>. In Development only,
/// the demo makes a self-signed "City Solicitor (demo)" certificate on first start and keeps it beside its database, so a
/// restart signs with the same one. Outside Development a missing certificate stops the start, as a missing key does.
/// </summary>
public static class LetterCertificates
{
    public const string Setting = "Letters:SigningCertificate";
    public const string PasswordSetting = "Letters:SigningCertificatePassword";
    public const string PasswordFileSetting = "Letters:SigningCertificatePasswordFile";
    public const string DemoSubject = "CN=City Solicitor (demo), O=City Law Department, C=US";

    private static readonly SecretKeySource DemoFile = new(Setting, PasswordFileSetting, ".solicitor.pfx", "signing letters");

    public static LetterCertificate Load(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[Setting] is { Length: > 0 } path)
        {
            return Open(path, Password(configuration));
        }
        if (environment.IsDevelopment())
        {
            var pfx = SecretKeys.DemoPath(PortalDatabase.Provider(configuration), configuration.GetConnectionString("Portal") ?? "", DemoFile);
            return Demo(pfx, pfx[..^".pfx".Length] + ".password");
        }
        throw Refused($"{Setting} is not set.");
    }

    /// <summary>A self-signed RSA 3072 signing certificate valid for five years, as the demo and the tests make one.</summary>
    public static X509Certificate2 CreateSelfSigned(string subject, DateTimeOffset now)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(5));
    }

    /// <summary>Writes a certificate and its private key as a PKCS#12 file readable by its owner only.</summary>
    public static void Save(X509Certificate2 certificate, string path, string password)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        WritePrivate(path, certificate.Export(X509ContentType.Pkcs12, password));
    }

    private static LetterCertificate Demo(string pfx, string passwordFile)
    {
        if (!File.Exists(passwordFile))
        {
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            using var made = CreateSelfSigned(DemoSubject, DateTimeOffset.UtcNow);
            var temporary = $"{pfx}.{Guid.NewGuid():N}.tmp";
            Save(made, temporary, password);
            WritePrivate(temporary + ".password", System.Text.Encoding.ASCII.GetBytes(password));
            try
            {
                // Whoever places the password file first made the demo's certificate; another instance starting at the
                // same moment waits for that one's .pfx rather than writing its own.
                File.Move(temporary + ".password", passwordFile, overwrite: false);
                File.Move(temporary, pfx, overwrite: true);
            }
            catch (IOException) when (File.Exists(passwordFile))
            {
                File.Delete(temporary);
                File.Delete(temporary + ".password");
            }
        }
        for (var attempt = 0; !File.Exists(pfx) && attempt < 100; attempt++)
        {
            Thread.Sleep(50);
        }
        return Open(pfx, File.ReadAllText(passwordFile).Trim());
    }

    private static string Password(IConfiguration configuration)
    {
        if (configuration[PasswordSetting] is { } password)
        {
            return password;
        }
        if (configuration[PasswordFileSetting] is { Length: > 0 } file)
        {
            try
            {
                return File.ReadAllText(file).TrimEnd('\r', '\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw Refused($"The password file {file} ({PasswordFileSetting}) cannot be read: {ex.Message}");
            }
        }
        return "";
    }

    private static LetterCertificate Open(string path, string password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw Refused($"The certificate {path} ({Setting}) cannot be opened: {ex.Message}");
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null && certificate.GetECDsaPrivateKey() is null)
        {
            throw Refused($"The certificate {path} ({Setting}) holds no RSA or ECDSA private key to sign with.");
        }
        return new LetterCertificate(certificate);
    }

    private static void WritePrivate(string path, byte[] bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, options);
        stream.Write(bytes);
    }

    private static SecretKeyRefusedException Refused(string problem) => new(
        $"The portal signs every issued letter with the City Solicitor's certificate and will not start without one. {problem} " +
        $"Set {Setting} to a PKCS#12 (.pfx) file holding the certificate and its private key, and {PasswordSetting} or " +
        $"{PasswordFileSetting} to its password. Keep the file out of the database and out of the repository.");
}
