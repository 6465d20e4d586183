using Portal.Data;

namespace PortalApp.Masking;

/// <summary>
/// What every record read consults and rarely changes: the masking policy in force and the agreement with its
/// amendments. A copy is kept until a save to that data (seen by <see cref="ReferenceDataWrites"/>, or
/// relayed from another instance) makes it stale, and for two seconds at most, for changes no signal reports.
/// Whether the agreement is in force is still decided on every call, against the time of that call.
/// </summary>
public sealed class ReferenceDataCache(ReferenceDataWrites writes)
{
    private static readonly long MaxAgeMs = 2_000;

    private Entry<PolicySnapshot>? policy;
    private Entry<LiaisonSchedule?>? schedule;

    public async Task<PolicySnapshot> PolicyAsync(Func<Task<PolicySnapshot>> read) => (policy = await FreshAsync(policy, read)).Value;

    public async Task<LiaisonSchedule?> ScheduleAsync(Func<Task<LiaisonSchedule?>> read) => (schedule = await FreshAsync(schedule, read)).Value;

    private async Task<Entry<T>> FreshAsync<T>(Entry<T>? entry, Func<Task<T>> read)
    {
        // The generation is taken before the read: a save that lands during it leaves the copy stale at once.
        var generation = writes.Generation;
        if (entry is not null && entry.Generation == generation && Environment.TickCount64 - entry.ReadAtMs < MaxAgeMs)
        {
            return entry;
        }
        var readAt = Environment.TickCount64;
        return new Entry<T>(generation, readAt, await read());
    }

    private sealed record Entry<T>(long Generation, long ReadAtMs, T Value);
}

/// <summary>
/// The agreement the liaison's access depends on, with all its amendments and the days the parties adopted any of
/// them by ballot: which one governs depends on the day.
/// </summary>
public sealed record LiaisonSchedule(
    Portal.Data.Entities.Agreement Agreement,
    IReadOnlyList<Portal.Data.Entities.Amendment> Amendments,
    IReadOnlyDictionary<int, DateOnly> AdoptedOn);
