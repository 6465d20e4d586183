using Microsoft.AspNetCore.Identity;

namespace Portal.Data.Entities;

public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Start of the current run of failed sign-ins; the CJIS window is measured from it.</summary>

    public DateTimeOffset CreatedUtc { get; set; }
}
