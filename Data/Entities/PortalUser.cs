using Microsoft.AspNetCore.Identity;

namespace Portal.Data.Entities;

public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>The agency an agency liaison works for (required for that role, empty for every other).</summary>
    public int? AgencyId { get; set; }
}
