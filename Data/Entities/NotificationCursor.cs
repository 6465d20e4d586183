namespace Portal.Data.Entities;

/// <summary>How far a user has read the notifications: everything with a larger id is unread.</summary>
public sealed class NotificationCursor
{
    public string UserId { get; set; } = "";
    public long LastSeenId { get; set; }
}
