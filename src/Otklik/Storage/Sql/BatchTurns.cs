namespace Otklik.Storage.Sql;

/// <summary>
/// Makes batches written in parallel take their ids in the order they were read (<see cref="ImportBatch.Sequence"/>),
/// so a parallel bulk load numbers messages and cases as a single writer would: in file order, the same on both
/// databases. A batch waits for its turn before it takes any lock and leaves it once its ids are reserved, so the
/// waits never close a cycle with the database's own locks. A ticket already passed (a retried batch) does not wait.
/// </summary>
internal sealed class BatchTurns
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, TaskCompletionSource> _waiting = [];
    private long _next;

    /// <summary>Waits until every batch before <paramref name="ticket"/> has left its turn.</summary>
    public async Task<BatchTurn> EnterAsync(long ticket, CancellationToken cancellationToken)
    {
        TaskCompletionSource? wait = null;
        lock (_lock)
        {
            if (ticket > _next)
            {
                wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[ticket] = wait;
            }
        }

        if (wait is not null)
        {
            await wait.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new BatchTurn(this, ticket);
    }

    internal void Leave(long ticket)
    {
        TaskCompletionSource? next = null;
        lock (_lock)
        {
            if (ticket >= _next)
            {
                _next = ticket + 1;
                _waiting.Remove(_next, out next);
            }
        }

        next?.TrySetResult();
    }
}
