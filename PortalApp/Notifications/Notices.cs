using Portal.Data;
using Portal.Data.Entities;

namespace PortalApp.Notifications;

/// <summary>Adds a notification inside the caller's change, so it exists exactly when the change does.</summary>
public static class Notices
{
    public static void Post(PortalDbContext db, DateTimeOffset atUtc, string text, string? link, string? audienceRole = null) =>
        db.Notifications.Add(new Notification { AtUtc = atUtc, Text = text, Link = link, Audience = audienceRole });
}
