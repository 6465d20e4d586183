using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PortalApp.Letters;

namespace PortalApp.Tests.Letters;

/// <summary>Where a letter's footer sends its reader, before the server has started (as in the command-line verbs).</summary>
public sealed class LetterAddressTests
{
    private static LetterAddress Address(string? publicBaseUrl, string? urls) => new(
        Options.Create(new LetterOptions { PublicBaseUrl = publicBaseUrl }),
        new ServiceCollection().BuildServiceProvider(),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build());

    [Theory]
    [InlineData("https://portal.city.example/", "http://127.0.0.1:5303", "https://portal.city.example/verify/SOL-2026-0007")]
    [InlineData(null, "http://127.0.0.1:5303", "http://127.0.0.1:5303/verify/SOL-2026-0007")]
    [InlineData(null, "http://0.0.0.0:8080;https://[::]:8443", "https://localhost:8443/verify/SOL-2026-0007")]
    [InlineData(null, "http://+:80", "http://localhost/verify/SOL-2026-0007")]
    public void TheConfiguredPublicAddressWinsElseTheListeningAddressIsNamed(string? configured, string urls, string expected) =>
        Assert.Equal(expected, Address(configured, urls).VerifyUrl("SOL-2026-0007"));
}
