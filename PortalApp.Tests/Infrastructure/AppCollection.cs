namespace PortalApp.Tests.Infrastructure;

/// <summary>Tests that share one running portal and one browser. They run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<PortalHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "app";
}

/// <summary>
/// The axe checks of the sign-in, account and home pages at three sizes in both themes: with
/// <see cref="WorkPageAccessibilityCollection"/>, among the suite's longest, so each has a portal and a browser of its own
/// and runs beside <see cref="AppCollection"/> instead of after it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AccessibilityCollection : ICollectionFixture<PortalHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "accessibility";
}

/// <summary>The axe checks of the signed-in work pages: the other half of <see cref="AccessibilityCollection"/>, on a portal and a browser of its own likewise.</summary>
[CollectionDefinition(Name)]
public sealed class WorkPageAccessibilityCollection : ICollectionFixture<PortalHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "work-page-accessibility";
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
