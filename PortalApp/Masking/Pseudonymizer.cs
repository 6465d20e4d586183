using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PortalApp.Common;

namespace PortalApp.Masking;

/// <summary>The pseudonym key (see <see cref="SecretKeys.Pseudonym"/>), loaded once at start.</summary>
public sealed record PseudonymKey(byte[] Bytes);

/// <summary>
/// Stable keyed pseudonyms: HMAC-SHA256 of the field and value under a sub-key of the pseudonym key for the viewer's
/// scope (their role). The same value gives the same token within a scope, so a role's rows link up, but two roles'
/// tokens for one person differ, so they cannot be joined; without the key the value cannot be recovered or guessed.
/// </summary>
public sealed class Pseudonymizer(PseudonymKey key)
{
    private readonly ConcurrentDictionary<string, byte[]> scopes = new(StringComparer.Ordinal);

    public string For(string scope, string field, string value)
    {
        var subKey = scopes.GetOrAdd(scope, s => SecretKeys.Derive(key.Bytes, "pseudonym", s));
        var mac = HMACSHA256.HashData(subKey, Encoding.UTF8.GetBytes($"{field}\n{value}"));
        return "PSN-" + Convert.ToHexString(mac, 0, 5);
    }
}
