using Portal.Data.Entities;

namespace PortalApp.Ballots;

/// <summary>How a ballot is named: its question on the page, and the words that name it inside a sentence.</summary>
public static class BallotQuestion
{
    /// <summary>An adoption ballot's question, which is also its stored term: "Adopt amendment 3: Victims and race".</summary>
    public static string Adoption(int amendmentNumber, string amendmentTitle) => $"Adopt amendment {amendmentNumber}: {amendmentTitle}";

    /// <summary>"the term ending 2027-06-30", or "the question “Adopt amendment 3: …”".</summary>
    public static string InSentence(BallotKind kind, string term) => kind == BallotKind.AmendmentAdoption
        ? $"the question “{term}”"
        : $"the {term.ToLowerInvariant()}";

    public static string Heading(BallotKind kind, string agreementReference, int amendmentNumber) => kind == BallotKind.AmendmentAdoption
        ? $"Adopt amendment {amendmentNumber}: {agreementReference}"
        : $"Renew or terminate: {agreementReference}";

    /// <summary>A decision as people read it: "Renew", "Terminate", "Adopted", "Not adopted".</summary>
    public static string Outcome(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Adopt => "Adopted",
        DecisionOutcome.Reject => "Not adopted",
        _ => outcome.ToString(),
    };

    /// <summary>Which threshold a ballot of this kind counts toward, for sentences about it.</summary>
    public static string ThresholdName(BallotKind kind) => kind == BallotKind.AmendmentAdoption ? "adoption" : "termination";
}
