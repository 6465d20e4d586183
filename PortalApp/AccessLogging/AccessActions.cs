namespace PortalApp.AccessLogging;

/// <summary>The actions the access log knows. Every feature logs with one of these names.</summary>
public static class AccessActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string LockedOut = "locked-out";
    public const string PasswordChange = "password-change";
    public const string TwoFactorChange = "two-factor-change";
    public const string UserCreate = "user-create";
    public const string UserChange = "user-change";
    public const string UserLock = "user-lock";
    public const string UserUnlock = "user-unlock";
    public const string UserDelete = "user-delete";
    public const string TwoFactorReset = "two-factor-reset";
    public const string PasswordReset = "password-reset";
    public const string Search = "search";
    public const string RecordView = "record-view";
    public const string Export = "export";
    public const string Vote = "vote";
    public const string Decision = "decision";
    public const string AgreementChange = "agreement-change";
    public const string BallotOpen = "ballot-open";
    public const string LetterAction = "letter";
    public const string PolicyChange = "policy-change";
    public const string FlagReview = "flag-review";
    public const string AuditRead = "audit-read";
    /// <summary>A checkpoint written when retention removes the oldest entries; it anchors the rest of the chain.</summary>
    public const string Retention = "log-retention";
    public const string Denied = "denied";
    /// <summary>A read of a public page or file (the transparency record), logged without any personal data.</summary>
    public const string PublicRead = "public-read";

    /// <summary>Every action name, for the auditor's filter.</summary>
    public static readonly IReadOnlyList<string> All = [.. typeof(AccessActions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)];
}

public static class AccessOutcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Refused = "refused";
}
