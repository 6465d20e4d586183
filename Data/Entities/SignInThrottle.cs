namespace Portal.Data.Entities;

/// <summary>
/// Failed password sign-ins for one account name from one client address. Five within the window lock that address
/// out of that name until an Admin (or `users unlock`) releases it; the account itself stays open from every other
/// address, so an outsider who types wrong passwords cannot keep an official from signing in. Keyed by the name as
/// typed (normalized), so an unknown name is answered exactly as a known one.
/// </summary>
public sealed class SignInThrottle
{
    public long Id { get; set; }
    public string NormalizedEmail { get; set; } = "";
    public string ClientAddress { get; set; } = "";
    public int Failures { get; set; }
    public DateTimeOffset FirstFailureUtc { get; set; }
    public DateTimeOffset? LockedUtc { get; set; }
}
