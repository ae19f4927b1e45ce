using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Otklik.Storage.Cases;

namespace Otklik.Processing;

public sealed partial class MessageProcessor
{
    /// <summary>
    /// Stores a batch of arriving messages and processes the new ones in the same transaction (shared with the batches
    /// that arrived while the previous transaction was writing, see <see cref="WriteQueuedAsync"/>): each message is written
    /// once, already with its case, instead of stored pending and updated (which on PostgreSQL writes the row and all
    /// its index entries, full-text included, twice). Nothing is acknowledged before the commit, so a crash loses only
    /// an unacknowledged batch, which the sender sends again. Already stored messages come back as duplicates with
    /// their case (null while still pending).
    /// </summary>
    /// <returns>One result per message, in order; null when another process stored one of the keys meanwhile (nothing was written).</returns>
    /// <remarks>
    /// Null (also when the analyzer fails on any of the messages) or an exception leaves nothing written: the caller then stores the batch pending
    /// (<see cref="CaseSession.InsertMessagesAsync"/>) and leaves it to <see cref="ProcessPendingAsync(long, CancellationToken)"/>.
    /// </remarks>
    public async Task<List<InsertResult>?> AcceptAsync(IReadOnlyList<NewMessage> messages, CancellationToken cancellationToken = default)
    {
        // Analysis is pure: it runs before taking the gate, while the previous batch is still writing, and so do the
        // search vectors, on the database's other core.
        var started = Stopwatch.GetTimestamp();
        var vectors = SearchVectorsAsync(messages, cancellationToken);
        var arriving = messages.Select(m => new StoredMessage(0, m, null, false)).ToList();
        var (analyzed, failed) = Analyze(arriving);
        var analysisTime = Stopwatch.GetElapsedTime(started);
        var searchVectors = await vectors;
        if (failed.Any(f => f is not null))
        {
            // The pending path sets the failing messages apart (MarkFailedAsync) and processes the others.
            return null;
        }

        var batch = new ArrivingBatch(messages, analyzed, analysisTime, searchVectors);
        Enqueue(batch);
        // A caller that gives up still leaves its batch queued: it may be written, and a retry then finds duplicates.
        return await batch.Written.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Writes arriving batches in one transaction and processes their new messages: message order across the batches
    /// is arrival order, so a key that a later batch repeats is its duplicate, as if the earlier batch had committed first.
    /// </summary>
    /// <returns>One result per message of each batch; null when other writers kept getting in the way (nothing was written).</returns>
    /// <remarks>
    /// The caller holds a writer's permit. A group that met another writer's work (a key it stored, cases it opened that
    /// change the plan, <see cref="StillHoldsAsync"/>) is read, planned and written again, a few times; then null.
    /// </remarks>
    private async Task<List<InsertResult>[]?> WriteAsync(IReadOnlyList<ArrivingBatch> group)
    {
        for (var attempt = 1; attempt <= PlanAttempts; attempt++)
        {
            var (results, conflict) = await TryWriteAsync(group);
            if (!conflict)
            {
                return results;
            }

            Log.PlanConflict(logger, attempt);
        }

        return null;
    }

    /// <summary>
    /// One attempt of <see cref="WriteAsync"/>; Conflict: another writer stored one of the keys or opened cases that
    /// change the plan meanwhile (nothing committed; the next attempt sees them).
    /// </summary>
    private async Task<(List<InsertResult>[]? Results, bool Conflict)> TryWriteAsync(IReadOnlyList<ArrivingBatch> group)
    {
        // Never the caller's token: the transaction holds other callers' messages too.
        var cancellationToken = CancellationToken.None;
        var messages = group.SelectMany(b => b.Messages).ToList();
        var analyzed = group.SelectMany(b => b.Analyzed).ToArray();
        var vectors = group.SelectMany(b => b.SearchVectors ?? new string?[b.Messages.Count]).ToArray();
        var analysisTime = group.Aggregate(TimeSpan.Zero, (sum, b) => sum + b.AnalysisTime);
        var arriving = messages.Select(m => new StoredMessage(0, m, null, false)).ToList();
        var writing = Stopwatch.GetTimestamp();
        await using var session = await database.OpenAsync(write: true, cancellationToken);
        await session.BeginWritingAsync(cancellationToken);
        var opened = Stopwatch.GetTimestamp();
        var stored = await session.FindMessagesAsync(messages, cancellationToken);
        var first = new Dictionary<(string, string), int>();
        var fresh = new List<int>();
        for (var i = 0; i < messages.Count; i++)
        {
            var key = (messages[i].Channel, messages[i].ExternalId);
            if (!stored.ContainsKey(key) && first.TryAdd(key, fresh.Count))
            {
                fresh.Add(i);
            }
        }

        var now = time.GetUtcNow();
        var planned = await PlanAsync(session, fresh.Select(i => arriving[i]).ToList(), fresh.Select(i => analyzed[i]).ToArray(), now, cancellationToken);
        var plan = planned.Plan;
        var read = Stopwatch.GetTimestamp();
        // The messages' ids are taken before the cases are written, so each new case is stored with its first message.
        var messageIds = await session.ReserveMessageIdsAsync(fresh.Count, cancellationToken);
        await session.MarkWritesAsync(cancellationToken);
        if (await WritePlanAsync() is not { } done)
        {
            // Another writer stored one of the keys since they were looked up: written again, they are found stored.
            return (null, true);
        }

        var (ids, caseIds, inserted) = done;
        if (BeforeCheck is { } hook)
        {
            await hook();
        }

        if (!await StillHoldsAsync(session, planned, ids, cancellationToken))
        {
            // Another writer opened cases that messages of this group join: the writes are undone (the reads are kept)
            // and the group is planned again with them, under the keys' locks, and written once more.
            Log.Replanned(logger, fresh.Count);
            await session.UndoWritesAsync(cancellationToken);
            planned.Plan = plan = await ReplanAsync(session, planned, [], cancellationToken);
            if (await WritePlanAsync() is not { } again)
            {
                return (null, true);
            }

            (ids, caseIds, inserted) = again;
        }

        var written = Stopwatch.GetTimestamp();
        await session.CommitAsync(cancellationToken);
        LogBatch(fresh.Count, analysisTime + Stopwatch.GetElapsedTime(writing), analysisTime, ids.Length);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var search = session.BeforeCommitTime.TotalMilliseconds;
            Log.WroteBatch(logger, fresh.Count, group.Count, Ms(group[0].Queued, writing), Ms(writing, opened), Ms(opened, read), Ms(read, written), search,
                Stopwatch.GetElapsedTime(written).TotalMilliseconds - search);
        }

        var results = messages.Select((m, i) =>
        {
            var key = (m.Channel, m.ExternalId);
            if (stored.TryGetValue(key, out var old))
            {
                return old;
            }

            var n = first[key];
            return new InsertResult(inserted[n].MessageId, fresh[n] != i, caseIds[n]);
        }).ToList();
        var offset = 0;
        return (group.Select(b =>
        {
            var own = results.GetRange(offset, b.Messages.Count);
            offset += b.Messages.Count;
            return own;
        }).ToArray(), false);

        // The plan's cases, messages, counts and events; null when one of the keys was stored meanwhile.
        async Task<(long[] Ids, long[] CaseIds, List<InsertResult> Inserted)?> WritePlanAsync()
        {
            var newIds = await session.CreateCasesAsync(plan.NewCases(fresh.Select((i, n) => (messageIds[n], messages[i].AuthorId)).ToList()), cancellationToken);
            var cases = plan.CaseIds(newIds);
            var stored = await session.InsertMessagesAsync(
                fresh.Select(i => messages[i]).ToList(), cases, messageIds, fresh.Select(i => vectors[i]).ToList(), cancellationToken);
            if (stored.Any(r => r.Duplicate))
            {
                return null;
            }

            await session.CountMessagesAsync(plan.JoinedExisting, now, cancellationToken);
            await session.AddEventsAsync(plan.Events(newIds, stored.Select(r => r.MessageId).ToList()), cancellationToken);
            return (newIds, cases, stored);
        }
    }

    /// <summary>
    /// The messages' search vectors, computed by the database outside any transaction (PostgreSQL; null on SQLite). They
    /// only save the writer work: when they cannot be had the insert trigger computes them, so a failure here is no failure.
    /// </summary>
    private async Task<string?[]?> SearchVectorsAsync(IReadOnlyList<NewMessage> messages, CancellationToken cancellationToken)
    {
        if (database.Dialect is not PostgresDialect)
        {
            return null;
        }

        try
        {
            await using var session = await database.OpenAsync(write: false, cancellationToken);
            return await session.SearchVectorsAsync(messages.Select(m => m.Text).ToList(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SearchVectorsFailed(logger, messages.Count, e);
            return null;
        }
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
