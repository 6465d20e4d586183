namespace PortalApp.Tests.Infrastructure;

/// <summary>Tests that share one running portal and one browser. They run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<PortalHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "app";
}

/// <summary>
/// The axe checks of every page in both themes: the suite's longest class, so it has a portal and a browser of its own
/// and runs beside <see cref="AppCollection"/> instead of after it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AccessibilityCollection : ICollectionFixture<PortalHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "accessibility";
}

/// <summary>
/// The hostile-input form tests, the longest of the PostgreSQL run, in two halves: each a portal and a browser of its
/// own likewise.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostileFormCollection : ICollectionFixture<PortalHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "hostile-forms";
}

/// <inheritdoc cref="HostileFormCollection"/>
[CollectionDefinition(Name)]
public sealed class HostileAgreementFormCollection : ICollectionFixture<PortalHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "hostile-agreement-forms";
}
