namespace PortalApp.Tests.Infrastructure;

/// <summary>Tests that share one running portal and one browser. They run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<PortalHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "app";
}
