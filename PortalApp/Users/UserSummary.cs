namespace PortalApp.Users;

public sealed record UserSummary(
    string Id,
    string Email,
    string DisplayName,
    string? Role,
    string? Party,
    bool LockedOut,
    int LockedAddresses,
    bool TwoFactorEnabled,
    DateTimeOffset? LastSignInUtc)
{
    /// <summary>Locked by an Admin, or some address locked out of it by failed sign-ins: either way an Unlock applies.</summary>
    public bool NeedsUnlock => LockedOut || LockedAddresses > 0;
}

public sealed record NewUser(string Email, string DisplayName, string Role, string? Party, string Password);
