namespace PortalApp.AccessLogging;

/// <summary>Where the current request or circuit comes from, captured while an HttpContext exists.</summary>
public sealed class ClientInfo
{
    public string? Address { get; set; }
    public string Source { get; set; } = "web";
}
