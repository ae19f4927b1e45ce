using Otklik.Storage.Cases;

namespace Otklik.Processing;

public sealed partial class MessageProcessor
{
    private readonly Lock _queueLock = new();
    private readonly Queue<ArrivingBatch> _queue = new();
    private int _running;

    /// <summary>
    /// Queues an analyzed batch for the writers, starting one when fewer than <see cref="ProcessingOptions.Writers"/> run.
    /// A writer that comes free takes every batch queued meanwhile (up to <see cref="ProcessingOptions.GroupLimit"/>
    /// messages) into one transaction: a commit, the search index's flush and the lookups' fixed costs are paid once
    /// per group instead of once per caller. With two writers one group's reads and writes overlap the other's.
    /// </summary>
    private void Enqueue(ArrivingBatch batch)
    {
        lock (_queueLock)
        {
            _queue.Enqueue(batch);
            if (_running >= _writers)
            {
                return;
            }

            _running++;
        }

        _ = Task.Run(WriteQueuedAsync);
    }

    /// <summary>Batches waiting for the writer (tests watch it to know a group has formed).</summary>
    internal int QueuedBatches
    {
        get
        {
            lock (_queueLock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Holds every writer until <see cref="ReleaseWriter"/> (tests: lets arriving batches queue into one group).</summary>
    internal Task HoldWriterAsync() => HoldAllWritersAsync(CancellationToken.None);

    internal void ReleaseWriter() => ReleaseAllWriters();

    /// <summary>
    /// One writer: writes queued groups in arrival order until the queue is empty. A group is taken once the writer's
    /// permit is held, so the batches that queued while pending work or the previous groups were writing all go together.
    /// </summary>
    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            await _gate.WaitAsync();
            try
            {
                List<ArrivingBatch> group;
                lock (_queueLock)
                {
                    if (!_queue.TryDequeue(out var head))
                    {
                        _running--;
                        return;
                    }

                    group = [head];
                    var count = head.Messages.Count;
                    while (_queue.TryPeek(out var next) && count + next.Messages.Count <= options.GroupLimit)
                    {
                        count += next.Messages.Count;
                        group.Add(_queue.Dequeue());
                    }
                }

                await WriteGroupAsync(group);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>
    /// Writes a group in one transaction; when that fails (or another writer stored one of its keys meanwhile), each
    /// batch is written again on its own, so one batch's trouble reaches only its own caller. Never throws: every
    /// batch's outcome goes to its caller.
    /// </summary>
    private async Task WriteGroupAsync(List<ArrivingBatch> group)
    {
        if (group.Count > 1)
        {
            Exception? failure = null;
            try
            {
                if (await WriteAsync(group) is { } results)
                {
                    for (var i = 0; i < group.Count; i++)
                    {
                        group[i].Written.TrySetResult(results[i]);
                    }

                    return;
                }
            }
            catch (Exception e)
            {
                failure = e;
            }

            Log.GroupFailed(logger, group.Count, failure);
        }

        foreach (var batch in group)
        {
            try
            {
                batch.Written.TrySetResult((await WriteAsync([batch]))?[0]);
            }
            catch (Exception e)
            {
                batch.Written.TrySetException(e);
            }
        }
    }
}
