using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace PortalApp.Letters;

/// <summary>
/// Where a letter says it can be verified: <c>Letters:PublicBaseUrl</c> when set, else the address the portal is
/// served on (what <c>--urls</c> bound), so a letter never names a port the portal does not listen on.
/// </summary>
public sealed class LetterAddress(IOptions<LetterOptions> options, IServiceProvider services, IConfiguration configuration)
{
    public string BaseUrl => (Configured() ?? Served() ?? Listed() ?? "http://localhost:5080").TrimEnd('/');

    /// <summary>The public page where anyone can check the letter with this number, signed in or not.</summary>
    public string VerifyUrl(string number) => $"{BaseUrl}/verify/{Uri.EscapeDataString(number)}";

    private string? Configured() => string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.Trim();

    private string? Served() =>
        Choose(services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);

    // Before the server has started (the command-line verbs), the configured listening address is the best there is.
    private string? Listed() =>
        Choose((configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>HTTPS first; an address bound on every interface (0.0.0.0, [::], +, *) is named as localhost.</summary>
    private static string? Choose(IEnumerable<string> addresses)
    {
        var chosen = addresses.OrderByDescending(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (chosen is null || !Uri.TryCreate(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return null;
        }
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri) { Host = host, Path = "" }.Uri.GetLeftPart(UriPartial.Authority);
    }
}
