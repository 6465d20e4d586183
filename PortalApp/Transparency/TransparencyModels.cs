using Portal.Data.Entities;
using PortalApp.AccessLogging;

namespace PortalApp.Transparency;

/// <summary>An agreement as the public sees it: its state comes from the lifecycle the portal enforces.</summary>
public sealed record PublicAgreement(string Reference, string Agency, string Counterparty, string Status, DateOnly EffectiveDate, DateOnly EndDate);

/// <summary>One signatory party's current vote on a decided ballot ("no vote" when its seat did not vote).</summary>
public sealed record PublicSeatVote(Party Party, string Vote);

/// <summary>A decided ballot: the term decided, the outcome, the tally and each seat's vote; rationales are not published.</summary>
public sealed record PublicBallot(
    string Agreement, string Term, DecisionOutcome Outcome, bool ByDefault, string Tally, DateOnly DecidedDate, IReadOnlyList<PublicSeatVote> Votes)
{
    public string Decision => ByDefault ? $"{Outcome} (by default at the ballot's close)" : Outcome.ToString();
}

/// <summary>An issued letter and where anyone can check it.</summary>
public sealed record PublicLetter(string Number, DateOnly IssuedDate, LetterKind Kind, string Agreement)
{
    public string VerifyPath => "/verify/" + Uri.EscapeDataString(Number);
}

/// <summary>
/// One outside agency's use (under its agreement) in one city month, as exact counts. Publish it only through
/// <see cref="SmallCounts"/>: <see cref="Searches"/> etc. are the raw figures.
/// </summary>
public sealed record MonthlyUse(
    string Agency, string Agreement, int Year, int Month, long Searches, long PeopleViewed, long RowsExported, long RefusedOrFlagged, long UseEvents, long OutsideHours)
{
    public string MonthText => $"{Year:D4}-{Month:D2}";

    public int? OutsideHoursPercent => SmallCounts.Percent(OutsideHours, UseEvents);
}

/// <summary>Everything the transparency page, its CSV and its JSON publish: one object, so the three cannot disagree.</summary>
public sealed record TransparencyRecord(
    DateTimeOffset GeneratedUtc,
    IReadOnlyList<PublicAgreement> Agreements,
    IReadOnlyList<PublicBallot> Ballots,
    IReadOnlyList<PublicLetter> Letters,
    IReadOnlyList<MonthlyUse> Use,
    IReadOnlyList<AccessLogging.DailyHead> DailyHeads,
    string AgencyHours);
