using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using PortalApp.AccessLogging;
using PortalApp.Audit;
using PortalApp.Common;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Fresh secret keys for a host outside Development, which refuses to start without them.</summary>
public static class TestKeys
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Every key a Production host needs, as configuration settings.</summary>
    public static IReadOnlyDictionary<string, string> ProductionSettings() => new Dictionary<string, string>
    {
        ["Portal:PseudonymKey"] = NewKey(),
        ["Audit:SealKey"] = NewKey(),
        ["Portal:KeyRingKey"] = NewKey(),
        [PortalApp.Letters.LetterCertificates.Setting] = SigningCertificate.Value.Path,
        [PortalApp.Letters.LetterCertificates.PasswordSetting] = SigningCertificate.Value.Password,
    };

    /// <summary>The signing certificate a Production host needs, as configuration settings.</summary>
    public static IReadOnlyDictionary<string, string> CertificateSettings() => new Dictionary<string, string>
    {
        [PortalApp.Letters.LetterCertificates.Setting] = SigningCertificate.Value.Path,
        [PortalApp.Letters.LetterCertificates.PasswordSetting] = SigningCertificate.Value.Password,
    };

    /// <summary>One self-signed signing certificate for the test run, as a PKCS#12 file with its password.</summary>
    public static readonly Lazy<(string Path, string Password)> SigningCertificate = new(() =>
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"portal-tests-{Environment.ProcessId}.solicitor.pfx");
        var password = NewKey();
        using var certificate = PortalApp.Letters.LetterCertificates.CreateSelfSigned("CN=City Solicitor (test), O=City Law Department, C=US", DateTimeOffset.UtcNow);
        PortalApp.Letters.LetterCertificates.Save(certificate, path, password);
        return (path, password);
    });

    /// <summary>The verifier as a Development portal on this database sees it: with the seal key the demo made beside it.</summary>
    public static AccessLogVerifier DemoVerifier(TestDatabase database)
    {
        var factory = new DirectContextFactory(database);
        var key = Convert.FromBase64String(File.ReadAllText(SecretKeys.DemoPath(database.Provider, database.ConnectionString, SecretKeys.AuditSeal)));
        return new AccessLogVerifier(factory, new AccessLogSealer(factory, new AuditSealKey(key), TimeProvider.System, NullLogger<AccessLogSealer>.Instance));
    }
}
