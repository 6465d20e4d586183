using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Common;
using PortalApp.Letters;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Verify;

/// <summary>The Solicitor's signing certificate: required outside Development, made once by the demo, never committed.</summary>
public sealed class SigningCertificateTests
{
    [Fact]
    public async Task AProductionPortalWithoutASigningCertificateRefusesToStartAndNamesTheSettings()
    {
        await using var database = TestDatabase.Create("portal-cert");
        var keys = new Dictionary<string, string> { ["Portal:PseudonymKey"] = TestKeys.NewKey(), ["Audit:SealKey"] = TestKeys.NewKey(), ["Portal:KeyRingKey"] = TestKeys.NewKey() };
        await using var host = new KeyedHost(database, "Production", keys);

        var message = KeyedHost.Innermost(Assert.ThrowsAny<Exception>(() => host.Services)).Message;

        Assert.Contains(LetterCertificates.Setting, message, StringComparison.Ordinal);
        Assert.Contains(LetterCertificates.PasswordFileSetting, message, StringComparison.Ordinal);
        Assert.Contains("will not start", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordStopsTheStartWithAMessageAndTheRightOneServes()
    {
        await using var database = TestDatabase.Create("portal-cert");
        var settings = new Dictionary<string, string>(TestKeys.ProductionSettings()) { [LetterCertificates.PasswordSetting] = "not the password" };
        await using (var wrong = new KeyedHost(database, "Production", settings))
        {
            var message = KeyedHost.Innermost(Assert.ThrowsAny<Exception>(() => wrong.Services)).Message;
            Assert.Contains("cannot be opened", message, StringComparison.Ordinal);
        }
        await using var right = new KeyedHost(database, "Production", TestKeys.ProductionSettings());
        Assert.Contains("City Solicitor (test)", right.Services.GetRequiredService<LetterCertificate>().Certificate.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoMakesItsCertificateBesideTheDatabaseOnceAndKeepsItAcrossRestarts()
    {
        await using var database = TestDatabase.Create("portal-cert");
        var pfx = SecretKeys.DemoPath(database.Provider, database.ConnectionString, new SecretKeySource("", "", ".solicitor.pfx", ""));
        var password = pfx[..^".pfx".Length] + ".password";
        Assert.False(File.Exists(pfx));
        try
        {
            string first, second;
            await using (var host = new KeyedHost(database, "Development", new Dictionary<string, string>()))
            {
                first = host.Services.GetRequiredService<LetterCertificate>().Fingerprint;
                var certificate = host.Services.GetRequiredService<LetterCertificate>().Certificate;
                Assert.Equal("CN=City Solicitor (demo), O=City Law Department, C=US", certificate.Subject);
                Assert.Equal(3072, certificate.GetRSAPublicKey()!.KeySize);
                Assert.InRange((certificate.NotAfter - certificate.NotBefore).TotalDays, 365 * 5 - 1, 365 * 5 + 2);
            }
            Assert.True(File.Exists(pfx));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pfx));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(password));
            }
            await using (var again = new KeyedHost(database, "Development", new Dictionary<string, string>()))
            {
                second = again.Services.GetRequiredService<LetterCertificate>().Fingerprint;
            }
            Assert.Equal(first, second);
        }
        finally
        {
            File.Delete(pfx);
            File.Delete(password);
        }
    }

    [Fact]
    public void TheRepositoryIgnoresCertificateAndPasswordFiles()
    {
        var ignored = File.ReadAllLines(RepositoryFiles.PathOf(".gitignore"));
        Assert.Contains("*.pfx", ignored);
        Assert.Contains("*.p12", ignored);
        Assert.Contains("*.password", ignored);
    }
}
