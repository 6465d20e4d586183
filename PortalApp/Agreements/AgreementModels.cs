using Portal.Data.Entities;
using PortalApp.Ballots;
using PortalApp.Terms;

namespace PortalApp.Agreements;

/// <summary>One row of the agreements list; its state, dates and reminders all come from <see cref="AgreementLifecycle"/>.</summary>
public sealed record AgreementSummary(int Id, string Reference, string Title, string Counterparty, AgreementLifecycle Lifecycle, int? OpenBallotId)
{
    public DateOnly NoticeDeadline => Lifecycle.NoticeDeadline;

    public int DaysToNoticeDeadline => Lifecycle.DaysToNoticeDeadline;

    public int? ReminderStage => Lifecycle.ReminderStage;
}

public sealed record SeatHolderView(Party Party, string PrimaryUserId, string PrimaryName, string? AlternateUserId, string? AlternateName);

public sealed record AmendmentView(
    int Id, int Number, string Title, DateOnly EffectiveDate, string Summary, DataSchedule Schedule, string ContentHash, IReadOnlyList<string> Changes,
    AmendmentStanding Standing, IReadOnlyList<string> Reveals, DateOnly? AppliesFrom = null, AmendmentBallot? Adoption = null)
{
    /// <summary>An Admin may put it to the parties: it awaits adoption and no adoption ballot on it is open.</summary>
    public bool CanOpenAdoptionBallot => Standing == AmendmentStanding.AwaitingAdoption && Adoption is not { IsOpen: true };
}

public sealed record BallotSummary(int Id, string Term, DateTimeOffset OpensUtc, DateTimeOffset ClosesUtc, BallotPhase Phase, DecisionOutcome? Outcome, bool ByDefault, int AmendmentNumber,
    BallotKind Kind = BallotKind.Term);

public sealed record TimelineEntry(DateTimeOffset AtUtc, string Kind, string Summary, string? Actor);

public sealed record AgreementDetail(
    int Id, string Reference, string Title, string Counterparty, string CounterpartyAddress, AgreementLifecycle Lifecycle,
    DateOnly EffectiveDate, DateOnly ExpiryDate, int NoticePeriodDays, int RenewalTermMonths, DecisionOutcome DefaultOutcome,
    IReadOnlyList<SeatHolderView> Seats, IReadOnlyList<AmendmentView> Amendments, IReadOnlyList<BallotSummary> Ballots,
    IReadOnlyList<TimelineEntry> Timeline, string? Agency = null, (int PerHour, int PerDay) VolumeLimits = default);

/// <summary>The admin's create/edit form.</summary>
public sealed class AgreementForm
{
    public string Reference { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>The agency whose liaisons the agreement lets in while it is in force.</summary>
    public int? AgencyId { get; set; }
    public string Counterparty { get; set; } = "";
    public string CounterpartyAddress { get; set; } = "";
    public DateTime? EffectiveDate { get; set; }
    public DateTime? ExpiryDate { get; set; }
    public int NoticePeriodDays { get; set; } = 90;
    public int RenewalTermMonths { get; set; } = 12;

    /// <summary>The liaisons' volume limits (distinct people per hour and per day); empty: the portal's settings.</summary>
    public int? MaxPeoplePerHour { get; set; }
    public int? MaxPeoplePerDay { get; set; }
    public AgreementStatus Status { get; set; } = AgreementStatus.Active;
    public Dictionary<Party, string?> Primary { get; set; } = Enum.GetValues<Party>().ToDictionary(p => p, _ => (string?)null);
    public Dictionary<Party, string?> Alternate { get; set; } = Enum.GetValues<Party>().ToDictionary(p => p, _ => (string?)null);
}

public sealed class AmendmentForm
{
    public string Title { get; set; } = "";
    public DateTime? EffectiveDate { get; set; }
    public string Summary { get; set; } = "";
    public HashSet<InvolvementRole> VisibleRoles { get; set; } = [];
    public Dictionary<string, MaskingAction> Fields { get; set; } = RecordFields.All.ToDictionary(f => f, _ => MaskingAction.Redact);
    public bool IncludesImmigrationStatus { get; set; }

    /// <summary>The schedule the new one follows: what it reveals beyond this needs the parties' adoption.</summary>
    public DataSchedule Follows { get; set; } = new();

    public DataSchedule ToSchedule() => new()
    {
        VisibleRoles = [.. VisibleRoles.Order()],
        Fields = RecordFields.All.ToDictionary(f => f, f => Fields.GetValueOrDefault(f, MaskingAction.Redact)),
        IncludesImmigrationStatus = IncludesImmigrationStatus,
    };
}

public sealed class BallotForm
{
    public string Term { get; set; } = "";
    public DateTime? OpensDate { get; set; }
    public TimeSpan? OpensTime { get; set; }
    public DateTime? ClosesDate { get; set; }
    public TimeSpan? ClosesTime { get; set; }
    public int TerminationThreshold { get; set; } = 2;
}

/// <summary>An amendment's adoption ballot: the question and what it would reveal are shown; the threshold is fixed.</summary>
public sealed class AdoptionBallotForm
{
    public string Question { get; set; } = "";
    public IReadOnlyList<string> Reveals { get; set; } = [];
    public int Seats { get; set; }
    public int Threshold { get; set; }
    public DateTime? OpensDate { get; set; }
    public TimeSpan? OpensTime { get; set; }
    public DateTime? ClosesDate { get; set; }
    public TimeSpan? ClosesTime { get; set; }
}

/// <summary>A stakeholder account that may hold a seat of its party.</summary>
public sealed record SeatCandidate(string UserId, string Name, Party Party);
