namespace PortalApp.Common;

/// <summary>The "Portal" configuration section.</summary>
public sealed class PortalOptions
{
    public int DemoRecords { get; set; } = 5000;
    public int SignInPermitsPerMinute { get; set; } = 10;
    public int IdleTimeoutMinutes { get; set; } = 30;
    public int SessionLifetimeHours { get; set; } = 12;
    public int LockoutWindowMinutes { get; set; } = 15;
}
