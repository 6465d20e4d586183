using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Terms;

namespace PortalApp.Seeding;

/// <summary>
/// PARS-ICE-2008 as the demo tells it: signed in 2008, amended in 2009 to shield victims and witnesses
/// and drop immigration status, now in a term whose notice deadline lies ahead with its ballot open.
/// </summary>
public static class DemoAgreement
{
    public const string Reference = "PARS-ICE-2008";

    /// <summary>The three parties' seats, as every demo agreement has them (the City's with an alternate).</summary>
    public static List<Seat> Seats(IReadOnlyDictionary<string, string> userIds) =>
    [
        new Seat { Party = Party.City, PrimaryUserId = userIds["city@portal.local"], AlternateUserId = userIds["city-alt@portal.local"] },
        new Seat { Party = Party.DistrictAttorney, PrimaryUserId = userIds["da@portal.local"] },
        new Seat { Party = Party.Courts, PrimaryUserId = userIds["courts@portal.local"] },
    ];

    public static Agreement Build(Agency agency, IReadOnlyDictionary<string, string> userIds, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(PortalTime.ToCity(now).DateTime);
        // The current term ends at the end of the month about seven months out, so the deadline is always ahead.
        var expiryMonth = today.AddMonths(7);
        var expiry = new DateOnly(expiryMonth.Year, expiryMonth.Month, DateTime.DaysInMonth(expiryMonth.Year, expiryMonth.Month));
        const int noticeDays = 90;
        var noticeDeadline = expiry.AddDays(-noticeDays);
        // One instant for the ballot's opening and its timeline entry, so the ballot and the timeline agree.
        var opens = now.AddMinutes(-5);
        var closes = PortalTime.FromCity(noticeDeadline.AddDays(-1), new TimeOnly(17, 0));

        var original = new Amendment
        {
            Number = 0,
            Title = "Original agreement",
            EffectiveDate = new DateOnly(2008, 10, 1),
            Summary = "Real-time access to PARS for every person in an arrest record, including immigration status.",
            Schedule = new DataSchedule
            {
                VisibleRoles = [InvolvementRole.Arrestee, InvolvementRole.Victim, InvolvementRole.Witness],
                Fields = RecordFields.All.ToDictionary(f => f, _ => MaskingAction.Show),
                IncludesImmigrationStatus = true,
            },
        };
        var amendment2009 = new Amendment
        {
            Number = 1,
            Title = "2009 amendment: victims and witnesses shielded",
            EffectiveDate = new DateOnly(2009, 7, 1),
            Summary = "Victims and witnesses are removed from the agency's view and immigration status is no longer shared.",
            Schedule = new DataSchedule
            {
                VisibleRoles = [InvolvementRole.Arrestee],
                Fields = new Dictionary<string, MaskingAction>
                {
                    [RecordFields.Name] = MaskingAction.Show,
                    [RecordFields.DateOfBirth] = MaskingAction.Partial,
                    [RecordFields.Address] = MaskingAction.Redact,
                    [RecordFields.Zip] = MaskingAction.Partial,
                    [RecordFields.Phone] = MaskingAction.Redact,
                    [RecordFields.StateId] = MaskingAction.Pseudonym,
                    [RecordFields.PlaceOfBirth] = MaskingAction.Redact,
                    [RecordFields.Race] = MaskingAction.Redact,
                    [RecordFields.Ethnicity] = MaskingAction.Redact,
                    [RecordFields.Sex] = MaskingAction.Show,
                    [RecordFields.DcNumber] = MaskingAction.Show,
                    [RecordFields.ArrestDate] = MaskingAction.Show,
                    [RecordFields.District] = MaskingAction.Show,
                    [RecordFields.Charges] = MaskingAction.Show,
                    [RecordFields.Officer] = MaskingAction.Redact,
                },
                IncludesImmigrationStatus = false,
            },
        };
        original.ContentHash = AmendmentContent.Hash(original);
        amendment2009.ContentHash = AmendmentContent.Hash(amendment2009);

        var agreement = new Agreement
        {
            Reference = Reference,
            Title = "PARS data-sharing agreement with U.S. Immigration and Customs Enforcement",
            Agency = agency,
            Counterparty = agency.Name,
            CounterpartyAddress = agency.Address,
            EffectiveDate = new DateOnly(2008, 10, 1),
            ExpiryDate = expiry,
            NoticePeriodDays = noticeDays,
            Status = AgreementStatus.UnderReview,
            DefaultOutcome = DecisionOutcome.Renew,
            Amendments = [original, amendment2009],
            Seats = Seats(userIds),
            Events =
            [
                new AgreementEvent { AtUtc = PortalTime.FromCity(new DateOnly(2008, 10, 1), new TimeOnly(9, 0)), Kind = "created", Summary = "Agreement signed by the City, the District Attorney and the Courts." },
                new AgreementEvent { AtUtc = PortalTime.FromCity(new DateOnly(2009, 7, 1), new TimeOnly(9, 0)), Kind = "amended", Summary = "Amendment 1: victims and witnesses shielded; immigration status removed." },
                new AgreementEvent { AtUtc = opens, Kind = "ballot-opened", Summary = $"Ballot opened on renewal or termination of the term ending {expiry:MMMM d, yyyy}: votes from {PortalTime.Format(opens)} to {PortalTime.Format(closes)}." },
            ],
        };
        agreement.Ballots.Add(new Ballot
        {
            Agreement = agreement,
            Term = $"Term ending {expiry:yyyy-MM-dd}",
            OpensUtc = opens,
            ClosesUtc = closes,
            TerminationThreshold = 2,
            Status = BallotStatus.Open,
            Amendment = amendment2009,
            AmendmentHash = amendment2009.ContentHash,
        });
        return agreement;
    }
}
