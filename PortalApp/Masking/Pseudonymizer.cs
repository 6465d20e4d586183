using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PortalApp.Hosting;

namespace PortalApp.Masking;

/// <summary>
/// Stable keyed pseudonyms: HMAC-SHA256 of the field and value under Portal:PseudonymKey. The same value
/// always gives the same token, so rows link up, but without the key the value cannot be recovered or guessed.
/// </summary>
public sealed class Pseudonymizer
{
    private readonly byte[] key;

    public Pseudonymizer(IOptions<PortalOptions> options)
    {
        var configured = options.Value.PseudonymKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException("Portal:PseudonymKey is not set; pseudonyms need a secret key.");
        }
        key = Encoding.UTF8.GetBytes(configured);
    }

    public string For(string field, string value)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{field}\n{value}"));
        return "PSN-" + Convert.ToHexString(mac, 0, 5);
    }
}
