using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using PortalApp.Common;

namespace PortalApp.ScaleOut;

/// <summary>The key-ring key (see <see cref="SecretKeys.KeyRing"/>), loaded once at start; the database never holds it.</summary>
public sealed record KeyRingKey(byte[] Bytes)
{
    /// <summary>The AES-256 key for the key ring, derived so the configured key serves no other purpose directly.</summary>
    public byte[] Aes { get; } = SecretKeys.Derive(Bytes, "data-protection", "key-ring");
}

/// <summary>
/// Encrypts each Data Protection key (AES-256-GCM) before it is stored in the shared database: with the database file
/// alone, no one can forge a sign-in cookie or an antiforgery token. Every instance holds the same key-ring key.
/// </summary>
public sealed class KeyRingEncryptor(KeyRingKey key) : IXmlEncryptor
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Aes, TagBytes))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        }
        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM under Portal:KeyRingKey, which the database does not hold. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }

    internal static XElement Decrypt(KeyRingKey key, XElement encryptedElement)
    {
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(key.Aes, TagBytes))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain);
        }
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

/// <summary>Made by Data Protection from the type named in a stored key (so it takes the service provider).</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingEncryptor.Decrypt(services.GetRequiredService<KeyRingKey>(), encryptedElement);
}
