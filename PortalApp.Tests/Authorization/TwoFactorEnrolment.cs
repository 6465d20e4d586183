using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PortalApp.Authorization;

namespace PortalApp.Tests.Authorization;

/// <summary>Enrols an authenticator app through the real form, computing the codes an app would show.</summary>
public static partial class TwoFactorEnrolment
{
    /// <summary>Enrols the client's signed-in account; answers the verification page's HTML.</summary>
    public static async Task<string> EnrolAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/Account/Manage/EnableAuthenticator?required=true");
        var key = KeyField().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var token = Token().Match(page).Groups[1].Value;
        // A person takes a while to scan the code; longer than the portal caches an account's row.
        await Task.Delay(PortalApp.Authorization.AccountStanding.FreshFor + TimeSpan.FromSeconds(1));
        var verify = await client.PostAsync("/Account/Manage/EnableAuthenticator", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "send-code",
            ["__RequestVerificationToken"] = token,
            ["Input.Code"] = Totp(key, DateTimeOffset.UtcNow),
        }));
        return await verify.Content.ReadAsStringAsync();
    }

    /// <summary>RFC 6238 with the authenticator defaults (SHA-1, 30 s, 6 digits).</summary>
    public static string Totp(string base32Key, DateTimeOffset now)
    {
        var key = Base32(base32Key);
        var counter = BitConverter.GetBytes(now.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.ToUpperInvariant().TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }

    [GeneratedRegex("<kbd>([a-z0-9 ]+)</kbd>")]
    private static partial Regex KeyField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
