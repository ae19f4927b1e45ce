using System.Diagnostics;
using Otklik.Storage.Cases;

namespace Otklik.Processing;

public sealed partial class MessageProcessor
{
    /// <summary>
    /// Stores a batch of arriving messages and processes the new ones in the same transaction: each message is written
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
        // Analysis is pure: it runs before taking the gate, while the previous batch is still writing.
        var started = Stopwatch.GetTimestamp();
        var arriving = messages.Select(m => new StoredMessage(0, m, null, false)).ToList();
        var (analyzed, failed) = Analyze(arriving);
        var analysisTime = Stopwatch.GetElapsedTime(started);
        if (failed.Any(f => f is not null))
        {
            // The pending path sets the failing messages apart (MarkFailedAsync) and processes the others.
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var writing = Stopwatch.GetTimestamp();
            await using var session = await database.OpenAsync(write: true, cancellationToken);
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
            var plan = await PlanAsync(session, fresh.Select(i => arriving[i]).ToList(), fresh.Select(i => analyzed[i]).ToArray(), now, cancellationToken);
            // The messages' ids are taken before the cases are written, so each new case is stored with its first message.
            var messageIds = await session.ReserveMessageIdsAsync(fresh.Count, cancellationToken);
            var ids = await session.CreateCasesAsync(plan.NewCases(fresh.Select((i, n) => (messageIds[n], messages[i].AuthorId)).ToList()), cancellationToken);
            var caseIds = plan.CaseIds(ids);
            var inserted = await session.InsertMessagesAsync(fresh.Select(i => messages[i]).ToList(), caseIds, messageIds, cancellationToken);
            if (inserted.Any(r => r.Duplicate))
            {
                return null;
            }

            await session.CountMessagesAsync(plan.JoinedExisting, now, cancellationToken);
            await session.AddEventsAsync(plan.Events(ids, inserted.Select(r => r.MessageId).ToList()), cancellationToken);
            await session.CommitAsync(cancellationToken);
            LogBatch(fresh.Count, analysisTime + Stopwatch.GetElapsedTime(writing), analysisTime, ids.Length);
            return messages.Select((m, i) =>
            {
                var key = (m.Channel, m.ExternalId);
                if (stored.TryGetValue(key, out var old))
                {
                    return old;
                }

                var n = first[key];
                return new InsertResult(inserted[n].MessageId, fresh[n] != i, caseIds[n]);
            }).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }
}
