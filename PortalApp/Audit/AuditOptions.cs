namespace PortalApp.Audit;

/// <summary>The access log's settings, in the "Portal" section.</summary>
public sealed class AuditOptions
{
    /// <summary>CJIS asks for at least a year of audit records; shorter settings are refused at startup.</summary>
    public const int MinimumRetentionDays = 365;

    /// <summary>Portal:AuditRetentionDays. Seven years by default, a common public-records schedule.</summary>
    public int AuditRetentionDays { get; set; } = 2555;

    /// <summary>Portal:AuditRetentionCheckHours: how often retention looks for entries to remove.</summary>
    public int AuditRetentionCheckHours { get; set; } = 24;
}
