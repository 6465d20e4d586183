using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace PortalApp.Terms;

/// <summary>The latest decision on an agreement's term ballots (renew or terminate).</summary>
public sealed record DecisionFact(DecisionOutcome Outcome, bool ByDefault, DateTimeOffset DecidedUtc);

/// <summary>What an agreement's ballots say for its lifecycle: whether one is still undecided, and the latest decision.</summary>
public sealed record LifecycleFacts(bool BallotUndecided, DecisionFact? LatestDecision)
{
    public static readonly LifecycleFacts None = new(false, null);

    /// <summary>From ballots loaded with their decisions; an amendment's adoption ballot says nothing about the term, so it is left out.</summary>
    public static LifecycleFacts From(IEnumerable<Ballot> ballots)
    {
        var list = ballots.Where(b => b.Kind == BallotKind.Term).ToList();
        var latest = list.Where(b => b.Decision is not null).Select(b => b.Decision!).OrderByDescending(d => d.DecidedUtc).FirstOrDefault();
        return new LifecycleFacts(list.Any(b => b.Decision is null),
            latest is null ? null : new DecisionFact(latest.Outcome, latest.ByDefault, latest.DecidedUtc));
    }

    /// <summary>The facts of each of the given agreements (those without ballots get <see cref="None"/>).</summary>
    public static async Task<IReadOnlyDictionary<int, LifecycleFacts>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> agreementIds, CancellationToken ct)
    {
        var ballots = await db.Ballots.AsNoTracking().Include(b => b.Decision)
            .Where(b => agreementIds.Contains(b.AgreementId) && b.Kind == BallotKind.Term).ToListAsync(ct);
        var byAgreement = ballots.ToLookup(b => b.AgreementId);
        return agreementIds.Distinct().ToDictionary(id => id, id => From(byAgreement[id]));
    }

    /// <summary>The lifecycle of each agreement, now.</summary>
    public static async Task<IReadOnlyDictionary<int, AgreementLifecycle>> LifecyclesAsync(
        PortalDbContext db, IReadOnlyCollection<Agreement> agreements, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var facts = await LoadAsync(db, [.. agreements.Select(a => a.Id)], ct);
        return agreements.ToDictionary(a => a.Id, a => AgreementLifecycle.Of(a, facts[a.Id], nowUtc));
    }
}
