using System.Text.Json;

namespace Portal.Bench.Capacity;

/// <summary>
/// What a headless browser answers to the JavaScript calls the server makes (<c>JS.BeginInvokeJS</c>). Most calls
/// (MudBlazor's listeners, focus, scroll) return nothing; the few whose value the server reads get a plausible one,
/// so the server runs the same code as for a real desktop browser.
/// </summary>
public static class JsInteropAnswers
{
    public const string AttachRendererInterop = "Blazor._internal.attachWebRendererInterop";

    private const int JSObjectReferenceResult = 1;

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        // A desktop window: MudBlazor's breakpoint service and drawer read it.
        ["mudResizeListener.getBrowserWindowSize"] = """{"height":900,"width":1440}""",
        ["mudResizeListenerFactory.getBrowserWindowSize"] = """{"height":900,"width":1440}""",
        ["mudResizeListener.matchMedia"] = "false",
        ["mudResizeListenerFactory.matchMedia"] = "false",
        ["mudThemeProvider.watchDarkTheme"] = "false",
        ["darkModeChange"] = "false",
        ["mudElementRef.getBoundingClientRect"] = """{"top":0,"left":0,"width":100,"height":30,"bottom":30,"right":100,"x":0,"y":0}""",
        ["Blazor._internal.domWrapper.focus"] = "null",
    };

    private static long nextObjectId;

    /// <summary>The JSON result for <paramref name="identifier"/> given the result type the server expects.</summary>
    public static string For(string identifier, int resultType) =>
        resultType == JSObjectReferenceResult
            ? JsonSerializer.Serialize(new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref nextObjectId) })
            : Known.GetValueOrDefault(identifier, "null");
}
