namespace PortalApp.AccessLogging;

/// <summary>The last failure to write the log, raised on the admin dashboard.</summary>
public sealed class AccessLogHealth(TimeProvider time)
{
    public DateTimeOffset? LastFailureUtc { get; private set; }
    public string? LastFailure { get; private set; }

    public void Failed(Exception ex)
    {
        LastFailureUtc = time.GetUtcNow();
        LastFailure = ex.GetBaseException().Message;
    }
}
