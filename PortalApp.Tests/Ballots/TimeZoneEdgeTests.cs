using Microsoft.Extensions.Time.Testing;
using Portal.Data.Entities;
using PortalApp.Agreements;
using PortalApp.Ballots;
using PortalApp.Common;
using PortalApp.Terms;

namespace PortalApp.Tests.Ballots;

public sealed class TimeZoneEdgeTests
{
    private static Agreement AgreementWithNoticeDeadline(DateOnly deadline) => new()
    {
        Reference = "TZ",
        Status = AgreementStatus.Active,
        ExpiryDate = deadline.AddDays(90),
        NoticePeriodDays = 90,
        Seats = [new Seat { Party = Party.City }, new Seat { Party = Party.DistrictAttorney }, new Seat { Party = Party.Courts }],
    };

    [Fact]
    public void ABallotClosingInTheRepeatedHourOfFallBackClosesAtTheFirstOccurrence()
    {
        // 1:30 AM on November 1, 2026 happens twice in New York; the ballot closes at the first (EDT, 05:30 UTC).
        var closes = PortalTime.FromCity(new DateOnly(2026, 11, 1), new TimeOnly(1, 30));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), closes);
        var opens = closes.AddDays(-7);

        // At 06:15 UTC the wall clock reads 1:15 AM again (EST), earlier than 1:30 on the clock face, yet the ballot is closed.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 6, 15, 0, TimeSpan.Zero));
        Assert.Equal(new TimeOnly(1, 15), TimeOnly.FromDateTime(PortalTime.ToCity(time.GetUtcNow()).DateTime));
        Assert.Equal(BallotPhase.ClosePending, DecisionRule.PhaseAt(opens, closes, false, false, time.GetUtcNow()));

        var justBefore = new FakeTimeProvider(closes.AddMilliseconds(-10));
        Assert.Equal(BallotPhase.Open, DecisionRule.PhaseAt(opens, closes, false, false, justBefore.GetUtcNow()));
    }

    [Fact]
    public void AClosingTimeThatDoesNotExistBecauseOfSpringForwardIsRefusedWithAClearMessage()
    {
        var (utc, error) = BallotSchedule.CityInstant(new DateOnly(2027, 3, 14), new TimeOnly(2, 30), "closing");
        Assert.Null(utc);
        Assert.Contains("does not exist in New York", error, StringComparison.Ordinal);

        var (valid, none) = BallotSchedule.CityInstant(new DateOnly(2027, 3, 14), new TimeOnly(3, 30), "closing");
        Assert.Null(none);
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), valid);
    }

    [Fact]
    public void ABallotMayCloseAtTheEndOfTheNoticeDeadlineDayInNewYorkButNotAMomentLater()
    {
        // The deadline day is the fall-back day, 25 hours long: its end is 05:00 UTC the next day (EST).
        var agreement = AgreementWithNoticeDeadline(new DateOnly(2026, 11, 1));
        var end = AgreementTerms.NoticeDeadlineEndUtc(agreement);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero), end);
        var now = new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Empty(BallotSchedule.Validate(agreement, now, end, 2, now));
        var late = BallotSchedule.Validate(agreement, now, end.AddMinutes(1), 2, now);
        Assert.Contains(late, e => e.Contains("no later than the notice deadline", StringComparison.Ordinal));
    }

    [Fact]
    public void OpeningValidationRefusesAClosePastOrBeforeTheOpeningAndABadThreshold()
    {
        var agreement = AgreementWithNoticeDeadline(new DateOnly(2027, 4, 1));
        var now = new DateTimeOffset(2027, 1, 10, 15, 0, 0, TimeSpan.Zero);
        var errors = BallotSchedule.Validate(agreement, now, now.AddMinutes(-1), 4, now);
        Assert.Contains("The ballot must close after it opens.", errors);
        Assert.Contains("The closing time has already passed.", errors);
        Assert.Contains(errors, e => e.StartsWith("The termination threshold must be between 1 and the number of seats (3)", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCityDateDecidesTheDaysLeftNotTheUtcDate()
    {
        var agreement = AgreementWithNoticeDeadline(new DateOnly(2027, 3, 31));
        // 03:30 UTC on March 31 is still March 30 in New York (EDT): one day left, not zero.
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 31, 3, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, AgreementTerms.DaysToNoticeDeadline(agreement, PortalTime.Today(time)));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, AgreementTerms.DaysToNoticeDeadline(agreement, PortalTime.Today(time)));
    }

    [Theory]
    [InlineData(121, null)]
    [InlineData(120, 120)]
    [InlineData(91, 120)]
    [InlineData(90, 90)]
    [InlineData(31, 90)]
    [InlineData(30, 30)]
    [InlineData(0, 30)]
    [InlineData(-1, null)]
    public void RemindersComeAt120And90And30DaysBeforeTheNoticeDeadline(int daysLeft, int? stage) =>
        Assert.Equal(stage, AgreementTerms.ReminderStage(daysLeft));

    [Fact]
    public void ReceiptTimesAreKeptToTheHundredthOfASecondInUtc()
    {
        var at = new DateTimeOffset(2027, 3, 14, 6, 59, 59, 999, TimeSpan.Zero).AddTicks(9999);
        var kept = VoteReceipts.ToHundredth(at.ToOffset(TimeSpan.FromHours(-4)));
        Assert.Equal("2027-03-14T06:59:59.99Z", VoteReceipts.FormatUtc(kept));
        Assert.Equal(TimeSpan.Zero, kept.Offset);
    }
}
