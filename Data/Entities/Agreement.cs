namespace Portal.Data.Entities;

public enum AgreementStatus
{
    Draft,
    Active,
    UnderReview,
    Terminated,
    Expired,
}

/// <summary>Renew and Terminate decide a term ballot; Adopt and Reject an amendment's adoption ballot.</summary>
public enum DecisionOutcome
{
    Renew,
    Terminate,
    Adopt,
    Reject,
}

public sealed class Agreement
{
    public int Id { get; set; }
    public string Reference { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The agency whose liaisons this agreement lets in while it is in force.</summary>
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public string Counterparty { get; set; } = "";
    public string CounterpartyAddress { get; set; } = "";
    public DateOnly EffectiveDate { get; set; }
    public DateOnly ExpiryDate { get; set; }
    public int NoticePeriodDays { get; set; }
    public AgreementStatus Status { get; set; }
    public DecisionOutcome DefaultOutcome { get; set; } = DecisionOutcome.Renew;

    /// <summary>How long a renewal extends the agreement: a Renew decision moves the expiry this far.</summary>
    public int RenewalTermMonths { get; set; } = 12;

    /// <summary>The distinct people a liaison may reach in an hour and a day before it is flagged; null: the portal's settings.</summary>
    public int? MaxPeoplePerHour { get; set; }
    public int? MaxPeoplePerDay { get; set; }

    /// <summary>Set by an issued termination letter; from this instant the liaison sees nothing.</summary>
    public DateTimeOffset? TerminationEffectiveUtc { get; set; }
    public string? TerminationLetterNumber { get; set; }

    public List<Amendment> Amendments { get; set; } = [];
    public List<Seat> Seats { get; set; } = [];
    public List<Ballot> Ballots { get; set; } = [];
    public List<AgreementEvent> Events { get; set; } = [];
}
