namespace PortalApp.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from (the folder holding Portal.sln above the test binaries).</summary>
public static class RepositoryFiles
{
    public static string PathOf(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine([dir?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test binaries."), .. parts]);
    }
}
