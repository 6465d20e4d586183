using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Architecture;

/// <summary>The folders of <c>PortalApp/</c> depend on each other only downwards, as docs/architecture.md draws them.</summary>
[Trait(TestDatabase.ProviderTrait, TestDatabase.SameOnEveryProvider)]
public sealed class FolderLayerTests
{
    private static readonly string Assembly = typeof(Program).Assembly.Location;

    private static IReadOnlyDictionary<string, int> Layers() =>
        FolderLayers.Read(File.ReadAllText(RepositoryFiles.PathOf("docs/architecture.md")));

    [Fact]
    public void EveryFolderOfTheAppHasALayer()
    {
        var layers = Layers();
        var folders = Directory.GetDirectories(RepositoryFiles.PathOf("PortalApp"))
            .Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj" or "Properties"))
            .Append(FolderDependencies.Root)
            .Where(f => !layers.ContainsKey(f!))
            .ToList();
        Assert.True(folders.Count == 0, "Folders without a layer: " + string.Join(", ", folders));
    }

    [Fact]
    public void EveryFolderUsesOnlyFoldersOfALowerLayer()
    {
        var layers = Layers();
        var upward = FolderDependencies.Read(Assembly)
            .Where(a => !layers.TryGetValue(a.Key.From, out var from) || !layers.TryGetValue(a.Key.To, out var to) || to >= from)
            .OrderBy(a => a.Key.From, StringComparer.Ordinal).ThenBy(a => a.Key.To, StringComparer.Ordinal)
            .Select(a => $"{a.Key.From} -> {a.Key.To}: {string.Join("; ", a.Value)}")
            .ToList();
        Assert.True(upward.Count == 0, "Arrows not downwards:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void NoFileImportsAFolderOfItsOwnLayerOrAbove()
    {
        // The compiled check cannot see an unused using; one that points up still misleads a reader about the picture.
        var layers = Layers();
        var app = RepositoryFiles.PathOf("PortalApp");
        var upward = Directory.EnumerateFiles(app, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(app, f), Folder: Path.GetRelativePath(app, f).Split(Path.DirectorySeparatorChar)))
            .Where(f => f.Folder.Length > 1 && layers.ContainsKey(f.Folder[0]))
            .SelectMany(f => File.ReadLines(Path.Combine(app, f.File))
                .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^@?using PortalApp\.(\w+)"))
                .Where(m => m.Success && m.Groups[1].Value != f.Folder[0]
                    && layers.TryGetValue(m.Groups[1].Value, out var to) && to >= layers[f.Folder[0]])
                .Select(m => $"{f.File} imports PortalApp.{m.Groups[1].Value}"))
            .ToList();
        Assert.True(upward.Count == 0, "Imports not downwards:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void TheCheckSeesAnArrowThatAUsingDirectiveWouldHide()
    {
        // Dashboard's page names the agreement service in its body only; the reader must see that arrow.
        var arrows = FolderDependencies.Read(Assembly);
        Assert.Contains(("Dashboard", "Agreements"), arrows.Keys);
    }
}
