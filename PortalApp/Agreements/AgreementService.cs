using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Authorization;
using PortalApp.Ballots;
using PortalApp.Common;
using PortalApp.Terms;

namespace PortalApp.Agreements;

/// <summary>Reading agreements: the list, one agreement with its amendments, ballots and timeline.</summary>
public sealed class AgreementService(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    Microsoft.Extensions.Options.IOptions<Records.RecordsOptions> records,
    TimeProvider time)
{
    public async Task<IReadOnlyList<AgreementSummary>> ListAsync(CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ReadAgreements, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().OrderBy(a => a.Reference).ToListAsync(ct);
        var openBallots = await db.Ballots.AsNoTracking().Where(b => b.Decision == null)
            .Select(b => new { b.AgreementId, b.Id }).ToListAsync(ct);
        var lifecycles = await LifecycleFacts.LifecyclesAsync(db, agreements, time.GetUtcNow(), CancellationToken.None);
        return agreements.Select(a => new AgreementSummary(a.Id, a.Reference, a.Title, a.Counterparty, lifecycles[a.Id],
            openBallots.Where(b => b.AgreementId == a.Id).Select(b => (int?)b.Id).FirstOrDefault())).ToList();
    }

    /// <summary>Agreements to which notice can still be given, nearest deadline first (reminders start 120 days before).</summary>
    public async Task<IReadOnlyList<AgreementSummary>> UpcomingNoticeDeadlinesAsync(int take = 5, CancellationToken ct = default)
    {
        var all = await ListAsync(ct);
        return UpcomingNoticeDeadlines(all, take);
    }

    public static IReadOnlyList<AgreementSummary> UpcomingNoticeDeadlines(IEnumerable<AgreementSummary> all, int take = 5) =>
        all.Where(a => a.Lifecycle.NoticeCanBeGiven).OrderBy(a => a.DaysToNoticeDeadline).Take(take).ToList();

    /// <summary>Agreements whose state has moved past plain "Active": under review, decided, ending, or ended in the last 90 days.</summary>
    public static IReadOnlyList<AgreementSummary> InChange(IEnumerable<AgreementSummary> all, DateOnly cityToday) =>
        all.Where(a => a.Lifecycle.Phase switch
        {
            LifecyclePhase.Draft or LifecyclePhase.Active => false,
            LifecyclePhase.Terminated or LifecyclePhase.Expired => a.Lifecycle.EndsOn.AddDays(90) >= cityToday,
            _ => true,
        }).ToList();

    public async Task<AgreementDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ReadAgreements, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.Agreements.AsNoTracking().AsSplitQuery()
            .Include(x => x.Agency).Include(x => x.Seats).Include(x => x.Amendments).Include(x => x.Events)
            .Include(x => x.Ballots).ThenInclude(b => b.Decision)
            .Include(x => x.Ballots).ThenInclude(b => b.Amendment)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }
        var names = await BallotService.DisplayNamesAsync(db, a.Seats.SelectMany(s => new[] { s.PrimaryUserId, s.AlternateUserId }).OfType<string>(), ct);
        var now = time.GetUtcNow();
        var amendments = ScheduleInForce.States(a.Amendments, PortalTime.CityDate(now), AmendmentAdoptions.From(a.Ballots));
        var adoptionBallots = AmendmentAdoptions.Latest(a.Ballots);
        return new AgreementDetail(
            a.Id, a.Reference, a.Title, a.Counterparty, a.CounterpartyAddress, AgreementLifecycle.Of(a, LifecycleFacts.From(a.Ballots), now),
            a.EffectiveDate, a.ExpiryDate, a.NoticePeriodDays, a.RenewalTermMonths, a.DefaultOutcome,
            a.Seats.OrderBy(s => s.Party).Select(s => new SeatHolderView(s.Party, s.PrimaryUserId, names.GetValueOrDefault(s.PrimaryUserId, "(unassigned)"),
                s.AlternateUserId, s.AlternateUserId is null ? null : names.GetValueOrDefault(s.AlternateUserId))).ToList(),
            amendments.Select((s, i) => new AmendmentView(s.Amendment.Id, s.Amendment.Number, s.Amendment.Title, s.Amendment.EffectiveDate,
                s.Amendment.Summary, s.Amendment.Schedule, s.Amendment.ContentHash,
                ScheduleDiff.Between(i == 0 ? null : amendments[i - 1].Amendment.Schedule, s.Amendment.Schedule), s.Standing, s.Reveals,
                s.AppliesFrom, adoptionBallots.GetValueOrDefault(s.Amendment.Id))).ToList(),
            a.Ballots.OrderByDescending(b => b.OpensUtc).Select(b => new BallotSummary(b.Id, b.Term, b.OpensUtc, b.ClosesUtc,
                DecisionRule.PhaseAt(b.OpensUtc, b.ClosesUtc, b.Decision is not null, b.Decision?.ByDefault == true, now),
                b.Decision?.Outcome, b.Decision?.ByDefault == true, b.Amendment?.Number ?? 0, b.Kind)).ToList(),
            a.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => new TimelineEntry(e.AtUtc, e.Kind, e.Summary, e.ActorUserName)).ToList(),
            a.Agency is { } agency ? $"{agency.Name} ({agency.ShortName})" : null,
            // The limits the records service applies to this agreement's liaisons (LiaisonOversight), defaults filled in.
            records.Value.LimitsFor(a.MaxPeoplePerHour, a.MaxPeoplePerDay));
    }
}
