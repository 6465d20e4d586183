using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Foundation;

public sealed class TwoFactorRequiredHost : PortalHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:RequireTwoFactor", "true");
    }
}

public sealed partial class TwoFactorTests(TwoFactorRequiredHost host) : IClassFixture<TwoFactorRequiredHost>
{
    [Fact]
    public async Task AnAdminWithoutTwoFactorIsSentToEnrolAndAClerkIsNot()
    {
        using var admin = await SignIn.ClientAsync(host.BaseUrl, "courts@portal.local");
        var response = await admin.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Manage/EnableAuthenticator", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var clerk = await SignIn.ClientAsync(host.BaseUrl, "clerk@portal.local");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task EnrollingAnAuthenticatorLetsTheAdminInAndTheNextSignInAsksForTheCode()
    {
        using var client = await SignIn.ClientAsync(host.BaseUrl, "admin@portal.local");
        var page = await client.GetStringAsync("/Account/Manage/EnableAuthenticator?required=true");
        Assert.Contains("requires two-factor sign-in", page, StringComparison.Ordinal);
        var key = KeyField().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var token = Token().Match(page).Groups[1].Value;

        var verify = await client.PostAsync("/Account/Manage/EnableAuthenticator", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "send-code",
            ["__RequestVerificationToken"] = token,
            ["Input.Code"] = Totp(key, DateTimeOffset.UtcNow),
        }));
        Assert.Contains("recovery codes", await verify.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        using var fresh = await SignIn.ClientAsync(host.BaseUrl, null);
        var login = await SignIn.PostLoginAsync(fresh, "admin@portal.local", Seeding.DemoAccounts.Password);
        Assert.Contains("LoginWith2fa", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>RFC 6238 with the authenticator defaults (SHA-1, 30 s, 6 digits).</summary>
    private static string Totp(string base32Key, DateTimeOffset now)
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
