namespace PortalApp.Users;

public sealed record UserSummary(
    string Id,
    string Email,
    string DisplayName,
    string? Role,
    string? Party,
    int? AgencyId,
    string? Agency,
    bool LockedOut,
    int LockedAddresses,
    bool TwoFactorEnabled,
    DateTimeOffset? LastSignInUtc)
{
    /// <summary>Locked by an Admin, or some address locked out of it by failed sign-ins: either way an Unlock applies.</summary>
    public bool NeedsUnlock => LockedOut || LockedAddresses > 0;
}

/// <summary>A new account; <see cref="AgencyId"/> is required for an agency liaison and refused for every other role.</summary>
public sealed record NewUser(string Email, string DisplayName, string Role, string? Party, string Password, int? AgencyId = null);

/// <summary>What the role dialog returns: the role with its party (a stakeholder's) or agency (a liaison's).</summary>
public sealed record RoleChoice(string Role, string? Party, int? AgencyId);
