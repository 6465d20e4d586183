using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("PortalApp.Tests.Infrastructure.LongestFirst", "PortalApp.Tests")]

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// Starts the longest collections first: with a few running at once, the run then does not end with a long one that
/// started late (longest-processing-time-first scheduling). The rest keep xUnit's order.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    /// <summary>
    /// Longest first, as measured on a 2-core machine (in the PostgreSQL run the many-users and crash tests started
    /// behind the shared portal's classes and ended the run); a class without a collection of its own is named by its class.
    /// </summary>
    private static readonly string[] Longest =
    [
        HostileFormCollection.Name, HostileAgreementFormCollection.Name, WorkPageAccessibilityCollection.Name,
        AccessibilityCollection.Name,
        "ManyUsersAtOnceTests", "CrashDuringVotesAndLettersTests", AppCollection.Name, "DecisionSurvivesRestartTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank);

    private static int Rank(ITestCollection collection)
    {
        var rank = Array.FindIndex(Longest, name => collection.DisplayName == name || collection.DisplayName.EndsWith("." + name, StringComparison.Ordinal));
        return rank < 0 ? Longest.Length : rank;
    }
}
