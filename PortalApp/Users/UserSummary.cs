namespace PortalApp.Users;

public sealed record UserSummary(
    string Id,
    string Email,
    string DisplayName,
    string? Role,
    string? Party,
    bool LockedOut,
    int FailedSignIns,
    bool TwoFactorEnabled);

public sealed record NewUser(string Email, string DisplayName, string Role, string? Party, string Password);
