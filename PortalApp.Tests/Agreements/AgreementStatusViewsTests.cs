using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data.Entities;
using PortalApp.Agreements;
using PortalApp.Common;
using PortalApp.Terms;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Agreements;

/// <summary>The status chip and the term facts render what the lifecycle says, never the stored Status column.</summary>
public sealed class AgreementStatusViewsTests : MudComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(PortalTime.ToCity(Now).DateTime);
    private static readonly DateTimeOffset CutOff = PortalTime.FromCity(Today.AddDays(3), TimeOnly.MinValue);

    public AgreementStatusViewsTests() => Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));

    // The stored status still says UnderReview in every case: the scheduler has not run, and no page may show it raw.
    private static Agreement Stored(DateTimeOffset? cutOff) => new()
    {
        Id = 7, Reference = "PARS-TEST", Status = AgreementStatus.UnderReview, EffectiveDate = Today.AddYears(-2),
        ExpiryDate = Today.AddDays(200), NoticePeriodDays = 90, RenewalTermMonths = 12,
        TerminationEffectiveUtc = cutOff, TerminationLetterNumber = cutOff is null ? null : "SOL-2026-0001",
    };

    private static AgreementLifecycle Terminating(DateTimeOffset at) =>
        AgreementLifecycle.Of(Stored(CutOff), new LifecycleFacts(false, new DecisionFact(DecisionOutcome.Terminate, false, Now.AddDays(-1))), at);

    private static AgreementLifecycle UnderReview() => AgreementLifecycle.Of(Stored(null), new LifecycleFacts(true, null), Now);

    private static AgreementDetail Detail(AgreementLifecycle lifecycle) => new(
        7, "PARS-TEST", "Test agreement", "Agency", "Address", lifecycle, Today.AddYears(-2), Today.AddDays(200), 90, 12, DecisionOutcome.Renew,
        [], [], [], []);

    [Fact]
    public void TheChipSaysTerminatingOnTheCutOffDateInRedOnceTheLetterIsIssued()
    {
        var chip = RenderWithMud<AgreementStatusChip>(p => p.Add(x => x.Lifecycle, Terminating(Now)));

        var element = chip.Find("[data-testid=agreement-status]");
        Assert.Equal($"Terminating on {Today.AddDays(3):MMM d, yyyy}", element.TextContent.Trim());
        Assert.Contains("mud-chip-color-error", element.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void TheChipSaysTerminatedAfterTheCutOffEvenWhileTheStoredStatusSaysUnderReview()
    {
        var chip = RenderWithMud<AgreementStatusChip>(p => p.Add(x => x.Lifecycle, Terminating(CutOff.AddMinutes(1))));

        Assert.Equal("Terminated", chip.Find("[data-testid=agreement-status]").TextContent.Trim());
    }

    [Fact]
    public void TheChipSaysUnderReviewInAmberWhileABallotIsOpen()
    {
        var chip = RenderWithMud<AgreementStatusChip>(p => p.Add(x => x.Lifecycle, UnderReview()));

        var element = chip.Find("[data-testid=agreement-status]");
        Assert.Equal("Under review", element.TextContent.Trim());
        Assert.Contains("mud-chip-color-warning", element.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFactsOfATerminatingAgreementShowNoCountdownAndNoDefaultRenewal()
    {
        var facts = RenderWithMud<AgreementFacts>(p => p.Add(x => x.Agreement, Detail(Terminating(Now))));

        Assert.Empty(facts.FindAll("[data-testid=notice-countdown]"));
        Assert.DoesNotContain("Without a termination", facts.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("reminder", facts.Markup, StringComparison.Ordinal);
        Assert.Contains($"Terminating on {Today.AddDays(3):MMMM d, yyyy} under letter SOL-2026-0001", facts.Find("[data-testid=agreement-summary]").TextContent, StringComparison.Ordinal);
        Assert.Contains("SOL-2026-0001", facts.Find("[data-testid=agreement-cut-off]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFactsOfAnAgreementUnderReviewCountDownToTheNoticeDeadlineAndNameTheDefault()
    {
        var facts = RenderWithMud<AgreementFacts>(p => p.Add(x => x.Agreement, Detail(UnderReview())));

        Assert.Contains("left to the notice deadline", facts.Find("[data-testid=notice-countdown]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Without a termination", facts.Markup, StringComparison.Ordinal);
        Assert.Contains("120-day reminder", facts.Markup, StringComparison.Ordinal);
        Assert.Empty(facts.FindAll("[data-testid=agreement-cut-off]"));
    }
}
