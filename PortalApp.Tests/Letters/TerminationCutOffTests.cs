using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Data.Entities;
using PortalApp.Common;
using PortalApp.Letters;
using PortalApp.Terms;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Letters;

/// <summary>Moves the clock, so it has a portal of its own.</summary>
public sealed class TerminationCutOffTests(TerminationCutOffTests.Host host) : IClassFixture<TerminationCutOffTests.Host>
{
    public sealed class Host : PortalHost;

    [Fact]
    public async Task TheAgreementIsTerminatedExactlyAtTheEffectiveInstantAndNotATickBefore()
    {
        var (agreementId, ballotId) = await LetterScenario.DecidedAgreementAsync(host);
        var letterId = await LetterScenario.DraftAsync(host, ballotId);
        var effective = PortalTime.Today(host.Time).AddDays(2);
        await using (var scope = await host.ScopeAsAsync(LetterScenario.Solicitor))
        {
            var letters = scope.ServiceProvider.GetRequiredService<LetterService>();
            var detail = (await letters.GetAsync(letterId))!;
            Assert.True((await letters.UpdateDraftAsync(letterId, new LetterDraftEdit(detail.Row.Addressee, detail.Subject, detail.Body, effective))).Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<LetterIssuer>().IssueAsync(letterId)).Succeeded);
        }
        var cutOff = PortalTime.FromCity(effective, TimeOnly.MinValue);
        var scheduler = host.Services.GetServices<IHostedService>().OfType<TerminationScheduler>().Single();

        host.Time.Advance(cutOff - host.Time.GetUtcNow() - TimeSpan.FromTicks(1));
        Assert.Equal(cutOff, await scheduler.CarryOutDueAsync());
        var before = await AgreementAsync(agreementId);
        Assert.NotEqual(AgreementStatus.Terminated, before.Status);
        Assert.True(AgreementTerms.IsInForce(before, host.Time.GetUtcNow()));

        host.Time.Advance(TimeSpan.FromTicks(1));
        var after = await WaitForAsync(agreementId, a => a.Status == AgreementStatus.Terminated);

        Assert.Equal(cutOff, host.Time.GetUtcNow());
        Assert.False(AgreementTerms.IsInForce(after, host.Time.GetUtcNow()));
        Assert.StartsWith("access ended on ", AgreementAccessState.Of(after, host.Time.GetUtcNow()).Summary, StringComparison.Ordinal);
        await using var db = await LetterScenario.Db(host);
        var terminated = await db.AgreementEvents.AsNoTracking().SingleAsync(e => e.AgreementId == agreementId && e.Kind == "terminated");
        Assert.Equal(cutOff, terminated.AtUtc);
        Assert.Contains(after.TerminationLetterNumber!, terminated.Summary, StringComparison.Ordinal);
    }

    private async Task<Agreement> AgreementAsync(int id)
    {
        await using var db = await LetterScenario.Db(host);
        return await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    /// <summary>The background service runs on its own thread; give it a moment after the clock moves (longer under CI load).</summary>
    private async Task<Agreement> WaitForAsync(int id, Func<Agreement, bool> condition)
    {
        for (var i = 0; i < 400; i++)
        {
            var agreement = await AgreementAsync(id);
            if (condition(agreement))
            {
                return agreement;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The termination was not carried out within twenty seconds of the cut-off.");
    }
}
