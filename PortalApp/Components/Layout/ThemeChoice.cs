namespace PortalApp.Components.Layout;

/// <summary>
/// The light or dark theme a person chose, kept in a cookie so every page load (read on the server in App.razor)
/// starts in it. No cookie: the browser's prefers-color-scheme decides.
/// </summary>
public static class ThemeChoice
{
    public const string Cookie = "portal-theme";
    public const string Dark = "dark";
    public const string Light = "light";

    /// <summary>"dark", "light", or null when no valid choice was made.</summary>
    public static string? Read(string? cookie) => cookie is Dark or Light ? cookie : null;
}
