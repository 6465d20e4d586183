using Portal.Data;
using PortalApp.Terms;

namespace PortalApp.Masking;

/// <summary>
/// What every record read consults and rarely changes: the masking policy in force and each agency's agreements with
/// their amendments. A copy is kept until a save to that data (seen by <see cref="ReferenceDataWrites"/>, or
/// relayed from another instance) makes it stale, and for two seconds at most, for changes no signal reports.
/// Whether an agreement is in force is still decided on every call, against the time of that call.
/// </summary>
public sealed class ReferenceDataCache(ReferenceDataWrites writes)
{
    private static readonly long MaxAgeMs = 2_000;

    private Entry<PolicySnapshot>? policy;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Entry<AgencySchedules>> agencies = new();

    public async Task<PolicySnapshot> PolicyAsync(Func<CancellationToken, Task<PolicySnapshot>> read, CancellationToken ct = default) =>
        (policy = await FreshAsync(policy, read, ct)).Value;

    public async Task<AgencySchedules> AgencyAsync(int agencyId, Func<CancellationToken, Task<AgencySchedules>> read, CancellationToken ct = default)
    {
        var entry = await FreshAsync(agencies.GetValueOrDefault(agencyId), read, ct);
        agencies[agencyId] = entry;
        return entry.Value;
    }

    private async Task<Entry<T>> FreshAsync<T>(Entry<T>? entry, Func<CancellationToken, Task<T>> read, CancellationToken ct)
    {
        // The generation is taken before the read: a save that lands during it leaves the copy stale at once.
        var generation = writes.Generation;
        if (entry is not null && entry.Generation == generation && Environment.TickCount64 - entry.ReadAtMs < MaxAgeMs)
        {
            return entry;
        }
        var readAt = Environment.TickCount64;
        return new Entry<T>(generation, readAt, await read(ct));
    }

    private sealed record Entry<T>(long Generation, long ReadAtMs, T Value);
}

/// <summary>
/// An agency and every agreement it is the counterparty of: the liaison's access follows the one in force, and is
/// refused (naming the latest) when none is.
/// </summary>
public sealed record AgencySchedules(Portal.Data.Entities.Agency? Agency, IReadOnlyList<LiaisonSchedule> Agreements)
{
    /// <summary>The agreement in force at <paramref name="nowUtc"/>, else the one that took effect last.</summary>
    public LiaisonSchedule? Governing(DateTimeOffset nowUtc) =>
        Agreements.FirstOrDefault(s => PortalApp.Terms.AgreementTerms.IsInForce(s.Agreement, nowUtc))
        ?? Agreements.OrderByDescending(s => s.Agreement.EffectiveDate).ThenByDescending(s => s.Agreement.Id).FirstOrDefault();
}

/// <summary>
/// An agreement a liaison's access may depend on, with all its amendments and the days the parties adopted any of
/// them by ballot: which one governs depends on the day.
/// </summary>
public sealed record LiaisonSchedule(
    Portal.Data.Entities.Agreement Agreement,
    IReadOnlyList<Portal.Data.Entities.Amendment> Amendments,
    IReadOnlyDictionary<int, DateOnly> AdoptedOn);
