using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Masking;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Common;

/// <summary>Issue 19, item 4: the pseudonym key never ships with the app.</summary>
public sealed class SecretKeyTests
{
    [Fact]
    public async Task AProductionPortalWithoutAPseudonymKeyRefusesToStartAndSaysWhichSettingIsMissing()
    {
        await using var database = TestDatabase.Create("portal-keys");
        await using var host = new KeyedHost(database, "Production", new Dictionary<string, string>());

        var refused = Assert.ThrowsAny<Exception>(() => host.Services);

        var message = KeyedHost.Innermost(refused).Message;
        Assert.Contains("Portal:PseudonymKey", message, StringComparison.Ordinal);
        Assert.Contains("Portal:PseudonymKeyFile", message, StringComparison.Ordinal);
        Assert.Contains("will not start", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProductionPortalWithoutASealKeyRefusesToStartAndSaysSo()
    {
        await using var database = TestDatabase.Create("portal-keys");
        await using var host = new KeyedHost(database, "Production", new Dictionary<string, string> { ["Portal:PseudonymKey"] = TestKeys.NewKey() });

        var message = KeyedHost.Innermost(Assert.ThrowsAny<Exception>(() => host.Services)).Message;

        Assert.Contains("Audit:SealKey", message, StringComparison.Ordinal);
        Assert.Contains("Audit:SealKeyFile", message, StringComparison.Ordinal);
        Assert.Contains("seals", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c2hvcnQta2V5LW9mLTE2Yg==")]
    [InlineData("demo-only-pseudonym-key-change-in-production")]
    public async Task AProductionPortalRefusesAShortOrUnreadableKey(string key)
    {
        await using var database = TestDatabase.Create("portal-keys");
        await using var host = new KeyedHost(database, "Production", new Dictionary<string, string> { ["Portal:PseudonymKey"] = key });

        var refused = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("Portal:PseudonymKey", KeyedHost.Innermost(refused).Message, StringComparison.Ordinal);
        Assert.Matches("at least 32 random bytes|neither base64 nor hexadecimal", KeyedHost.Innermost(refused).Message);
    }

    [Fact]
    public async Task AKeyFileServesAProductionPortalAndItsTokensFollowThatKey()
    {
        await using var database = TestDatabase.Create("portal-keys");
        var keyFile = database.Name.Replace(".db", "", StringComparison.Ordinal) + "-ops.key";
        await File.WriteAllTextAsync(keyFile, TestKeys.NewKey());
        try
        {
            string first, second;
            await using (var host = new KeyedHost(database, "Production", new Dictionary<string, string>(TestKeys.CertificateSettings()) { ["Portal:PseudonymKeyFile"] = keyFile, ["Audit:SealKey"] = TestKeys.NewKey(), ["Portal:KeyRingKey"] = TestKeys.NewKey() }))
            {
                first = Token(host);
            }
            await using (var again = new KeyedHost(database, "Production", new Dictionary<string, string>(TestKeys.CertificateSettings()) { ["Portal:PseudonymKeyFile"] = keyFile, ["Audit:SealKey"] = TestKeys.NewKey(), ["Portal:KeyRingKey"] = TestKeys.NewKey() }))
            {
                second = Token(again);
            }
            Assert.Equal(first, second);
            Assert.NotEqual(first, new Pseudonymizer(new PseudonymKey(new byte[32])).For(Roles.AgencyLiaison, RecordFields.StateId, "12 345 678"));
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task TheDemoMakesItsKeyBesideTheDatabaseOnFirstStartAndKeepsItAcrossRestarts()
    {
        await using var database = TestDatabase.Create("portal-keys");
        var keyFile = SecretKeys.DemoPath(database.Provider, database.ConnectionString, SecretKeys.Pseudonym);
        var sealKeyFile = SecretKeys.DemoPath(database.Provider, database.ConnectionString, SecretKeys.AuditSeal);
        Assert.False(File.Exists(keyFile));
        Assert.False(File.Exists(sealKeyFile));

        string first, second;
        await using (var host = new KeyedHost(database, "Development", new Dictionary<string, string>()))
        {
            first = Token(host);
        }
        Assert.True(File.Exists(keyFile));
        Assert.True(File.Exists(sealKeyFile));
        Assert.NotEqual(await File.ReadAllTextAsync(keyFile), await File.ReadAllTextAsync(sealKeyFile));
        var made = await File.ReadAllTextAsync(keyFile);
        Assert.True(Convert.FromBase64String(made).Length >= 32);
        await using (var again = new KeyedHost(database, "Development", new Dictionary<string, string>()))
        {
            second = Token(again);
        }

        Assert.Equal(first, second);
        Assert.Equal(made, await File.ReadAllTextAsync(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public async Task TheKeyRingIsStoredEncryptedSoTheDatabaseAloneCannotForgeACookie()
    {
        await using var database = TestDatabase.Create("portal-keyring");
        string sealedText;
        await using (var host = new KeyedHost(database, "Development", new Dictionary<string, string>()))
        {
            sealedText = Protector(host).Protect("a sign-in");
        }
        await using (var db = Portal.Data.PortalDatabase.Create(database.Provider, database.ConnectionString))
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml ?? "").ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedKey", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }

        // The same key-ring key (the demo's file) reads it after a restart; another key cannot.
        await using (var again = new KeyedHost(database, "Development", new Dictionary<string, string>()))
        {
            Assert.Equal("a sign-in", Protector(again).Unprotect(sealedText));
        }
        await using var other = new KeyedHost(database, "Development", new Dictionary<string, string> { ["Portal:KeyRingKey"] = TestKeys.NewKey() });
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(other).Unprotect(sealedText));
    }

    private static IDataProtector Protector(KeyedHost host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring test");

    [Fact]
    public void TheRepositoryIgnoresKeyFiles()
    {
        var ignored = File.ReadAllLines(RepositoryFiles.PathOf(".gitignore"));
        Assert.Contains("*.key", ignored);
        Assert.DoesNotContain("PseudonymKey", File.ReadAllText(RepositoryFiles.PathOf("PortalApp", "appsettings.json")), StringComparison.Ordinal);
    }

    private static string Token(KeyedHost host) =>
        host.Services.GetRequiredService<Pseudonymizer>().For(Roles.AgencyLiaison, RecordFields.StateId, "12 345 678");
}
