using Otklik.Storage.Sql;

namespace Otklik.Storage;

/// <summary>
/// An open bulk-load window (see <see cref="IOtklikStore.BeginBulkLoadAsync"/>): while it is open the store's secondary
/// indexes on messages, cases and events are gone and the derived state those tables' insert triggers keep is stale.
/// <see cref="FinishAsync"/> rebuilds both set-based and makes every message searchable; call it once the load is done,
/// also after a failed load (a crashed process's window is finished by the next opening of the store instead).
/// </summary>
public sealed class BulkLoad : IAsyncDisposable
{
    private readonly SqlStore _store;
    private IAsyncDisposable? _holder;

    internal BulkLoad(SqlStore store, IAsyncDisposable holder, BulkWindowContents dropped, int writers)
    {
        _store = store;
        _holder = holder;
        Dropped = dropped;
        Writers = writers;
    }

    /// <summary>
    /// How many import batches may be written at once in this window: 1 on SQLite (one writer is its rule); on
    /// PostgreSQL one per core (at most 4), each batch in its own transaction on its own connection.
    /// </summary>
    public int Writers { get; }

    /// <summary>What the window took away: index, trigger and constraint names, and triggers it left in place.</summary>
    public BulkWindowContents Dropped { get; }

    /// <summary>Rebuilds indexes and constraints, recomputes derived columns and counters, completes the search index.</summary>
    public async Task<BulkLoadReport> FinishAsync(CancellationToken cancellationToken)
    {
        var holder = _holder ?? throw new InvalidOperationException("The bulk load is finished already.");
        try
        {
            return await _store.FinishBulkLoadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _holder = null;
            await holder.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Releases the window without finishing it (as a crash would): the next opening of the store finishes it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_holder is { } holder)
        {
            _holder = null;
            _store.LeaveBulkLoad();
            await holder.DisposeAsync().ConfigureAwait(false);
        }
    }
}
