namespace PortalApp.Tests.Architecture;

/// <summary>
/// The layer table of docs/architecture.md ("Folders and their layers"): rows <c>| N | Folder, Folder | why |</c>.
/// A folder may use only folders of a lower layer; the table is the one place the picture is drawn.
/// </summary>
internal static class FolderLayers
{
    public const string Heading = "## Folders and their layers";

    public static IReadOnlyDictionary<string, int> Read(string markdown)
    {
        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        var inSection = false;
        foreach (var line in markdown.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line == Heading;
                continue;
            }
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (!inSection || cells.Length < 4 || !int.TryParse(cells[1], out var layer))
            {
                continue;
            }
            foreach (var folder in cells[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                layers[folder.Trim('`')] = layer;
            }
        }
        return layers;
    }
}
