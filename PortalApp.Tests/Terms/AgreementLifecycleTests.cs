using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Terms;

namespace PortalApp.Tests.Terms;

/// <summary>The one lifecycle function against a table of agreement histories, and its agreement with the access rule.</summary>
public sealed class AgreementLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = PortalTime.Today(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));
    private static readonly DateTimeOffset CutOff = PortalTime.FromCity(Today.AddDays(3), TimeOnly.MinValue);
    private const string Letter = "SOL-2026-0007";

    /// <summary>One history: the agreement and its ballot facts at a moment, and what every page must show for it.</summary>
    public sealed record History(
        Func<Agreement> Agreement, LifecycleFacts Facts, DateTimeOffset At,
        LifecyclePhase Phase, string Label, string SummaryContains, bool Countdown, bool Reminders, bool RecordsOffered, bool DefaultOutcomeShown);

    private static Agreement InForce(AgreementStatus status = AgreementStatus.Active, int expiryInDays = 200, DateTimeOffset? cutOff = null) => new()
    {
        Id = 1, Reference = "PARS-TEST", Status = status, EffectiveDate = Today.AddYears(-2), ExpiryDate = Today.AddDays(expiryInDays),
        NoticePeriodDays = 90, RenewalTermMonths = 12,
        TerminationEffectiveUtc = cutOff, TerminationLetterNumber = cutOff is null ? null : Letter,
    };

    private static readonly LifecycleFacts BallotOpen = new(true, null);
    private static LifecycleFacts Decided(DecisionOutcome outcome, bool byDefault = false) => new(false, new DecisionFact(outcome, byDefault, Now.AddHours(-1)));

    public static readonly IReadOnlyDictionary<string, History> Histories = new Dictionary<string, History>
    {
        ["active, nothing decided"] = new(() => InForce(), LifecycleFacts.None, Now,
            LifecyclePhase.Active, "Active", "In force until", Countdown: true, Reminders: true, RecordsOffered: true, DefaultOutcomeShown: true),
        ["ballot open"] = new(() => InForce(AgreementStatus.UnderReview), BallotOpen, Now,
            LifecyclePhase.UnderReview, "Under review", "a ballot decides renewal or termination", true, true, true, true),
        ["renewed by vote"] = new(() => InForce(expiryInDays: 565), Decided(DecisionOutcome.Renew), Now,
            LifecyclePhase.RenewalDecided, "Renewed", $"Renewed: in force until {Today.AddDays(565):MMMM d, yyyy}", true, false, true, true),
        ["default outcome (renew) at ballot close"] = new(() => InForce(expiryInDays: 565), Decided(DecisionOutcome.Renew, byDefault: true), Now,
            LifecyclePhase.RenewalDecided, "Renewed", "Renewed by default at the ballot's close", true, false, true, true),
        ["termination decided, letter pending"] = new(() => InForce(AgreementStatus.UnderReview), Decided(DecisionOutcome.Terminate), Now,
            LifecyclePhase.TerminationDecided, "Termination decided, letter pending", "the Solicitor's letter is pending", true, true, true, false),
        ["terminating, cut-off ahead"] = new(() => InForce(AgreementStatus.UnderReview, cutOff: CutOff), Decided(DecisionOutcome.Terminate), Now,
            LifecyclePhase.Terminating, $"Terminating on {Today.AddDays(3):MMM d, yyyy}", $"under letter {Letter}", false, false, true, false),
        ["terminated at the cut-off, before the scheduler ran"] = new(() => InForce(AgreementStatus.UnderReview, cutOff: CutOff), Decided(DecisionOutcome.Terminate), CutOff,
            LifecyclePhase.Terminated, "Terminated", $"Terminated on {Today.AddDays(3):MMMM d, yyyy} under letter {Letter}", false, false, false, false),
        ["terminated after the cut-off"] = new(() => InForce(AgreementStatus.Terminated, cutOff: CutOff), Decided(DecisionOutcome.Terminate), CutOff.AddDays(30),
            LifecyclePhase.Terminated, "Terminated", "the agency has no access", false, false, false, false),
        ["expired"] = new(() => InForce(expiryInDays: -1), LifecycleFacts.None, Now,
            LifecyclePhase.Expired, "Expired", "Expired at the end of", false, false, false, false),
        ["notice deadline passed, still in force"] = new(() => InForce(expiryInDays: 60), LifecycleFacts.None, Now,
            LifecyclePhase.Active, "Active", "the notice deadline passed on", false, false, true, true),
        ["draft"] = new(() => InForce(AgreementStatus.Draft), LifecycleFacts.None, Now,
            LifecyclePhase.Draft, "Draft", "not in force", false, false, false, false),
    };

    public static TheoryData<string> Names() => [.. Histories.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void EachHistoryHasOneStateAndEveryPageShowsWhatItSays(string name)
    {
        var h = Histories[name];
        var life = AgreementLifecycle.Of(h.Agreement(), h.Facts, h.At);

        Assert.Equal(h.Phase, life.Phase);
        Assert.Equal(h.Label, life.Label);
        Assert.Contains(h.SummaryContains, life.Summary, StringComparison.Ordinal);
        Assert.Equal(h.Countdown, life.ShowsNoticeCountdown);
        Assert.Equal(h.Reminders, life.ReminderStage is not null);
        Assert.Equal(h.RecordsOffered, life.OffersRecords);
        Assert.Equal(h.DefaultOutcomeShown, life.ShowsDefaultOutcome);
        Assert.Equal(h.Phase == LifecyclePhase.Terminating, life.AccessEndsNotice is not null);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TheLifecycleSaysInForceExactlyWhenTheAccessRuleDoes(string name)
    {
        var h = Histories[name];
        var agreement = h.Agreement();
        // Around every instant that matters: the row's own, the cut-off, the end of the term and the notice deadline.
        var instants = new[] { h.At, CutOff, AgreementTerms.EndOfTermUtc(agreement), AgreementTerms.NoticeDeadlineEndUtc(agreement) }
            .SelectMany(t => new[] { t.AddTicks(-1), t, t.AddTicks(1), t.AddDays(-40), t.AddDays(40) });
        foreach (var at in instants)
        {
            var life = AgreementLifecycle.Of(agreement, h.Facts, at);
            var enforced = AgreementTerms.IsInForce(agreement, at);
            Assert.Equal(enforced, life.InForce);
            Assert.Equal(enforced, life.OffersRecords);
            Assert.Equal(enforced, life.Phase is not (LifecyclePhase.Draft or LifecyclePhase.Terminated or LifecyclePhase.Expired));
        }
    }

    [Fact]
    public void TheLiaisonIsToldTheCutOffDateAndTheLetterWhileATerminationIsScheduled()
    {
        var life = AgreementLifecycle.Of(InForce(AgreementStatus.UnderReview, cutOff: CutOff), Decided(DecisionOutcome.Terminate), Now);

        Assert.Equal($"Access ends on {Today.AddDays(3):MMMM d, yyyy} under letter {Letter}.", life.AccessEndsNotice);
        Assert.Equal(Today.AddDays(3), life.EndsOn);
    }

    [Fact]
    public void AnIssuedLetterOutranksAnOpenBallotAndTheStoredStatus()
    {
        var life = AgreementLifecycle.Of(InForce(AgreementStatus.UnderReview, cutOff: CutOff), BallotOpen, Now);

        Assert.Equal(LifecyclePhase.Terminating, life.Phase);
        Assert.DoesNotContain("Under review", life.Label, StringComparison.Ordinal);
    }
}
