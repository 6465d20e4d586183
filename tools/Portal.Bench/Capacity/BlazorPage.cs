using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Bench.Capacity;

/// <summary>
/// What a page's HTML hands the circuit: the server component markers (<c>&lt;!--Blazor:{...}--&gt;</c>, one per
/// interactive root: the head outlet and the routes) and the protected application state comment. Portal renders
/// without prerendering, so each marker is a single comment without content or end marker.
/// </summary>
public sealed partial record BlazorPage(IReadOnlyList<JsonObject> Markers, string ApplicationState)
{
    public static BlazorPage Parse(string html)
    {
        var markers = Marker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server")
            .ToList();
        var state = State().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        return new BlazorPage(markers, state);
    }

    /// <summary>The <c>UpdateRootComponents</c> operations that add every root, as blazor.web.js sends them.</summary>
    public string AddOperationsJson(int batchId)
    {
        var operations = new JsonArray();
        for (var i = 0; i < Markers.Count; i++)
        {
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = Markers[i].DeepClone(),
            });
        }
        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex State();
}
