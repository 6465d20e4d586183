using Portal.Data.Entities;
using PortalApp.Terms;

namespace PortalApp.Letters;

public sealed record LetterRow(
    int Id,
    string? Number,
    LetterKind Kind,
    LetterStatus Status,
    int AgreementId,
    string AgreementReference,
    string Addressee,
    DateOnly EffectiveDate,
    DateTimeOffset? IssuedUtc,
    DateTimeOffset? SentUtc,
    string? SentMethod,
    DateOnly? ResponseDate,
    string? ResponseSummary)
{
    public string AddresseeFirstLine => Addressee.Split('\n', 2)[0].Trim();
}

public sealed record LetterFilter(string? Text = null, LetterStatus? Status = null, LetterKind? Kind = null, bool AwaitingResponseOnly = false);

public enum LetterSort
{
    Newest,
    Number,
    Agreement,
}

public sealed record LetterPageResult(IReadOnlyList<LetterRow> Rows, int Total);

public sealed record LetterDetail(
    LetterRow Row,
    string AgreementTitle,
    int BallotId,
    string Subject,
    string Body,
    DateTimeOffset CreatedUtc,
    string CreatedBy,
    string? IssuedBy,
    string? PdfSha256,
    int PdfLength,
    DecisionOutcome Outcome,
    string Tally,
    DateTimeOffset DecidedUtc,
    AgreementAccessState AccessState);

/// <summary>A decided ballot and the letters its decision allows.</summary>
public sealed record DecisionAwaitingLetter(
    int BallotId,
    int AgreementId,
    string AgreementReference,
    string Term,
    DecisionOutcome Outcome,
    DateTimeOffset DecidedUtc,
    string Tally,
    bool ByDefault,
    IReadOnlyList<LetterKind> AllowedKinds,
    int? LetterId,
    string? LetterNumber);

/// <summary>
/// A draft's edited fields. When the effective date moves, the service re-merges the text's statements of the old date,
/// unless <paramref name="TextFollowsDate"/> says the caller already did (the editor does, to show the Solicitor).
/// </summary>
public sealed record LetterDraftEdit(string Addressee, string Subject, string Body, DateOnly EffectiveDate, bool TextFollowsDate = false);

/// <summary>The dates the portal holds for a draft and where its text contradicts them; issuing needs no conflicts.</summary>
public sealed record DraftFacts(IReadOnlyList<HeldDate> Held, IReadOnlyList<FactConflict> Conflicts);

public sealed record LetterVerification(bool IsIssuedLetter, string Sha256, int? LetterId, string? Number, string Message);

public sealed record LetterTemplateSummary(int Id, string Name, LetterKind Kind, string Subject, string Body, DateTimeOffset UpdatedUtc)
{
    /// <summary>Seeded and never saved since: its stamp is the seed's, not a time anyone changed it.</summary>
    public bool AsShipped => UpdatedUtc == Portal.Data.Configurations.LetterTemplateDefaults.Seeded;
}

public static class LetterKinds
{
    /// <summary>
    /// Only a letter of the kind the decision allows: termination or non-renewal for Terminate, renewal for Renew, and
    /// none for an amendment's adoption (Adopt or Reject), which is no renewal or termination.
    /// </summary>
    public static IReadOnlyList<LetterKind> AllowedBy(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Terminate => [LetterKind.Termination, LetterKind.NonRenewal],
        DecisionOutcome.Renew => [LetterKind.Renewal],
        _ => [],
    };

    /// <summary>Letters that end the outside agency's access on their effective date.</summary>
    public static bool EndsAccess(LetterKind kind) => kind is LetterKind.Termination or LetterKind.NonRenewal;

    public static string Title(LetterKind kind) => kind switch
    {
        LetterKind.Termination => "Termination",
        LetterKind.NonRenewal => "Non-renewal",
        _ => "Renewal",
    };
}
