namespace Portal.Data;

/// <summary>
/// Invariant 4: the database itself holds an issued letter read-only. Only the tracking columns
/// (SentUtc, SentMethod, ResponseDate, ResponseSummary) may still change, and it cannot be deleted.
/// </summary>
public static class LetterTriggers
{
    public static readonly IReadOnlyList<string> Create =
    [
        """
        CREATE TRIGGER Letters_IssuedIsImmutable
        BEFORE UPDATE ON Letters
        WHEN OLD.Status = 'Issued' AND (
            NEW.Status IS NOT OLD.Status OR NEW.Number IS NOT OLD.Number OR NEW.Year IS NOT OLD.Year
            OR NEW.Sequence IS NOT OLD.Sequence OR NEW.Kind IS NOT OLD.Kind OR NEW.AgreementId IS NOT OLD.AgreementId
            OR NEW.BallotId IS NOT OLD.BallotId OR NEW.Addressee IS NOT OLD.Addressee OR NEW.Subject IS NOT OLD.Subject
            OR NEW.Body IS NOT OLD.Body OR NEW.EffectiveDate IS NOT OLD.EffectiveDate OR NEW.IssuedUtc IS NOT OLD.IssuedUtc
            OR NEW.IssuedBy IS NOT OLD.IssuedBy OR NEW.Pdf IS NOT OLD.Pdf OR NEW.PdfSha256 IS NOT OLD.PdfSha256)
        BEGIN
            SELECT RAISE(ABORT, 'An issued letter is immutable.');
        END;
        """,
        """
        CREATE TRIGGER Letters_IssuedIsNeverDeleted
        BEFORE DELETE ON Letters
        WHEN OLD.Status = 'Issued'
        BEGIN
            SELECT RAISE(ABORT, 'An issued letter cannot be deleted.');
        END;
        """,
    ];

    public static readonly IReadOnlyList<string> Drop =
    [
        "DROP TRIGGER IF EXISTS Letters_IssuedIsNeverDeleted;",
        "DROP TRIGGER IF EXISTS Letters_IssuedIsImmutable;",
    ];
}
