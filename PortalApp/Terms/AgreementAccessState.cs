using Portal.Data.Entities;
using PortalApp.Common;

namespace PortalApp.Terms;

/// <summary>
/// Whether the outside agency may see data under an agreement right now, and the sentence that says so:
/// "terminating on DATE under letter SOL-…" before the cut-off, "access ended on DATE under letter SOL-…" after.
/// </summary>
public sealed record AgreementAccessState(bool InForce, DateTimeOffset? CutOffUtc, string? LetterNumber, string Summary)
{
    public static AgreementAccessState Of(Agreement agreement, DateTimeOffset nowUtc)
    {
        var inForce = AgreementTerms.IsInForce(agreement, nowUtc);
        var cutOff = agreement.TerminationEffectiveUtc;
        var letter = agreement.TerminationLetterNumber;
        var under = letter is null ? "" : $" under letter {letter}";
        var summary = (inForce, cutOff) switch
        {
            (true, { } at) => $"terminating on {PortalTime.Format(at)}{under}",
            (true, null) => $"in force until {PortalTime.Format(AgreementTerms.EndOfTermUtc(agreement))}",
            (false, { } at) when nowUtc >= at => $"access ended on {PortalTime.Format(at)}{under}",
            // Draft, expired or terminated do not depend on ballots, so the lifecycle needs no ballot facts to name them.
            _ => $"not in force ({AgreementLifecycle.Of(agreement, LifecycleFacts.None, nowUtc).Label.ToLowerInvariant()})",
        };
        return new AgreementAccessState(inForce, cutOff, letter, summary);
    }
}
