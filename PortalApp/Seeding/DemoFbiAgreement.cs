using Portal.Data.Entities;
using PortalApp.Ballots;
using PortalApp.Common;
using PortalApp.Terms;

namespace PortalApp.Seeding;

/// <summary>
/// PARS-FBI-2012, the demo's second agreement: signed in 2012 with the FBI's Philadelphia field office, in force, its
/// last term renewed by default at the close of a ballot no party voted on. Its schedule differs from the ICE one:
/// arrestees and victims, names as initials, dates of birth in full.
/// </summary>
public static class DemoFbiAgreement
{
    public const string Reference = "PARS-FBI-2012";

    public static Agreement Build(Agency agency, IReadOnlyDictionary<string, string> userIds, DateTimeOffset now)
    {
        var today = PortalTime.CityDate(now);
        // The term before the current one ends about two months out and was renewed, so the expiry moved one renewal
        // term on, exactly as a Renew decision moves it (BallotDecider).
        var previousMonth = today.AddMonths(2);
        var previousExpiry = new DateOnly(previousMonth.Year, previousMonth.Month, DateTime.DaysInMonth(previousMonth.Year, previousMonth.Month));
        const int renewalMonths = 12;
        var expiry = previousExpiry.AddMonths(renewalMonths);
        const int noticeDays = 90;
        var opened = PortalTime.FromCity(previousExpiry.AddDays(-noticeDays - 45), new TimeOnly(9, 0));
        var closed = PortalTime.FromCity(previousExpiry.AddDays(-noticeDays - 1), new TimeOnly(17, 0));

        var original = new Amendment
        {
            Number = 0,
            Title = "Original agreement",
            EffectiveDate = new DateOnly(2012, 3, 1),
            Summary = "Access to arrestees and victims for federal investigations; names as initials, no immigration status.",
            Schedule = new DataSchedule
            {
                VisibleRoles = [InvolvementRole.Arrestee, InvolvementRole.Victim],
                Fields = new Dictionary<string, MaskingAction>
                {
                    [RecordFields.Name] = MaskingAction.Partial,
                    [RecordFields.DateOfBirth] = MaskingAction.Show,
                    [RecordFields.Address] = MaskingAction.Redact,
                    [RecordFields.Zip] = MaskingAction.Show,
                    [RecordFields.Phone] = MaskingAction.Redact,
                    [RecordFields.StateId] = MaskingAction.Show,
                    [RecordFields.PlaceOfBirth] = MaskingAction.Redact,
                    [RecordFields.Race] = MaskingAction.Redact,
                    [RecordFields.Ethnicity] = MaskingAction.Redact,
                    [RecordFields.Sex] = MaskingAction.Show,
                    [RecordFields.DcNumber] = MaskingAction.Show,
                    [RecordFields.ArrestDate] = MaskingAction.Show,
                    [RecordFields.District] = MaskingAction.Show,
                    [RecordFields.Charges] = MaskingAction.Show,
                    [RecordFields.Officer] = MaskingAction.Show,
                },
                IncludesImmigrationStatus = false,
            },
        };
        original.ContentHash = AmendmentContent.Hash(original);

        var agreement = new Agreement
        {
            Reference = Reference,
            Title = "PARS data-sharing agreement with the Federal Bureau of Investigation",
            Agency = agency,
            Counterparty = agency.Name,
            CounterpartyAddress = agency.Address,
            EffectiveDate = original.EffectiveDate,
            ExpiryDate = expiry,
            NoticePeriodDays = noticeDays,
            RenewalTermMonths = renewalMonths,
            Status = AgreementStatus.Active,
            // Tighter than the portal's settings: the agreement caps how many people its liaisons may reach.
            MaxPeoplePerHour = 10,
            MaxPeoplePerDay = 40,
            DefaultOutcome = DecisionOutcome.Renew,
            Amendments = [original],
            Seats = DemoAgreement.Seats(userIds),
        };
        var term = $"Term ending {previousExpiry:yyyy-MM-dd}";
        var tally = new Tally(0, 0, 0, 0, 3, 3, 2);
        agreement.Events =
        [
            new AgreementEvent { AtUtc = PortalTime.FromCity(original.EffectiveDate, new TimeOnly(9, 0)), Kind = AgreementTimeline.Created, Summary = "Agreement signed by the City, the District Attorney and the Courts." },
            new AgreementEvent { AtUtc = opened, Kind = AgreementTimeline.BallotOpened, Summary = $"Ballot opened on renewal or termination of the term ending {previousExpiry:MMMM d, yyyy}: votes from {PortalTime.Format(opened)} to {PortalTime.Format(closed)}." },
            new AgreementEvent { AtUtc = closed, Kind = AgreementTimeline.Decision, Summary = $"Decision on {BallotQuestion.InSentence(BallotKind.Term, term)}: The ballot closed without the termination threshold; the default outcome applies: Renew. {tally}" },
            new AgreementEvent { AtUtc = closed, Kind = AgreementTimeline.Renewed, Summary = $"Renewed for a new term: the expiry moves from {previousExpiry:MMMM d, yyyy} to {expiry:MMMM d, yyyy}." },
        ];
        agreement.Ballots.Add(new Ballot
        {
            Agreement = agreement,
            Term = term,
            OpensUtc = opened,
            ClosesUtc = closed,
            TerminationThreshold = 2,
            Status = BallotStatus.Closed,
            Amendment = original,
            AmendmentHash = original.ContentHash,
            Decision = new BallotDecision { Outcome = DecisionOutcome.Renew, DecidedUtc = closed, Tally = tally.ToString(), ByDefault = true },
        });
        return agreement;
    }
}
