namespace PortalApp.Authorization;

/// <summary>Capabilities, named by what they allow. Pages, endpoints and services ask for these, never for roles.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);

    /// <summary>The person's own account pages (password, authenticator): the only policy without two-factor.</summary>
    public const string OwnAccount = nameof(OwnAccount);
    public const string ReadAgreements = nameof(ReadAgreements);
    public const string ManageAgreements = nameof(ManageAgreements);
    public const string ReadBallots = nameof(ReadBallots);
    public const string CastVote = nameof(CastVote);
    public const string BrowseRecords = nameof(BrowseRecords);
    public const string ReadLetters = nameof(ReadLetters);
    public const string IssueLetter = nameof(IssueLetter);
    public const string ReadAuditLog = nameof(ReadAuditLog);
    public const string ReviewFlags = nameof(ReviewFlags);
    public const string ManagePolicy = nameof(ManagePolicy);
    public const string ManageUsers = nameof(ManageUsers);
}
