using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// Counts committed changes to the data every record read consults (agencies, agreements, their amendments, the ballot
/// decisions that adopt amendments, and the masking policy), so an in-memory copy can tell it is stale. A save bumps the count before and after it runs, and again
/// when its transaction commits: a copy read at any moment in between is dropped on its next use.
/// </summary>
public sealed class ReferenceDataWrites : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> inTransaction = new();
    private long generation;

    public long Generation => Interlocked.Read(ref generation);

    /// <summary>For changes this process did not save itself (another instance's, relayed to this one).</summary>
    public void Bump() => Interlocked.Increment(ref generation);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    private void Saving(DbContext? context)
    {
        if (context is not null && TracksReferenceData(context.ChangeTracker))
        {
            inTransaction.AddOrUpdate(context, this);
            Bump();
        }
    }

    /// <summary>
    /// Whether the save holds an agreement, amendment, ballot decision or policy row in any state. EF detects changes only after this
    /// interceptor runs, so asking for modified rows would detect them twice on every save (the access log's group
    /// commits among them); a save that holds such a row unchanged merely drops a copy early.
    /// </summary>
    private static bool TracksReferenceData(ChangeTracker tracker)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries().Any(e => e.Entity is Agency or Agreement or Amendment or BallotDecision or MaskingPolicyVersion or MaskingRule or RowRule);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && inTransaction.TryGetValue(context, out _))
        {
            Bump();
            if (context.Database.CurrentTransaction is null)
            {
                inTransaction.Remove(context);
            }
        }
    }

    private void Ended(DbContext? context)
    {
        if (context is not null && inTransaction.Remove(context))
        {
            Bump();
        }
    }
}
