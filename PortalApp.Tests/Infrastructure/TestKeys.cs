using System.Security.Cryptography;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Fresh secret keys for a host outside Development, which refuses to start without them.</summary>
public static class TestKeys
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Every key a Production host needs, as configuration settings.</summary>
    public static IReadOnlyDictionary<string, string> ProductionSettings() => new Dictionary<string, string>
    {
        ["Portal:PseudonymKey"] = NewKey(),
    };
}
