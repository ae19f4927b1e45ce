using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Otklik.Model;
using Otklik.Sla;
using Otklik.Storage.Cases;

namespace Otklik.Processing;

/// <summary>
/// Turns messages into cases. At-least-once with idempotent effects. A batch that arrives is stored and processed in
/// one transaction (<see cref="AcceptAsync"/>); when that fails it is stored pending (unique by channel + external id)
/// and processed by <see cref="ProcessPendingAsync(long, CancellationToken)"/> in a transaction that writes the cases,
/// the events and the messages' processed marks together. A crash before a commit leaves the messages unacknowledged
/// or pending, and the sender or the next run (at start, or the background worker) does them again; after the commit
/// they are never processed twice. One processor per process; on PostgreSQL several processes may share a database.
/// </summary>
/// <remarks>
/// Set-based: a batch is analyzed on all cores (the analyzer is pure CPU), then costs a fixed handful of statements
/// whatever its size: bodies by name, candidate cases for every (topic, body, place) of the batch, the new cases, the
/// counts of joined cases, the messages (or their case ids), the events. The decisions in between are made in memory
/// (<see cref="BatchPlan"/>), in message order, exactly as one message at a time would make them.
/// <para>
/// Several writing transactions at once (PostgreSQL: <see cref="ProcessingOptions.Writers"/>, other processes): a plan
/// is made from the candidates read without a lock, written, and then checked before the commit. The transaction locks
/// the keys it opened cases of (<see cref="CaseSession.LockCandidateKeysAsync"/>, held to the commit) and reads their
/// candidates again; when a case another transaction opened meanwhile would change any decision, nothing is committed
/// and the batch is planned and written again. A key it only joined cases of needs no lock: joins add no candidates,
/// so whichever commits first, the other's decisions stand. The outcome is that of the transactions one after another.
/// </para>
/// </remarks>
public sealed partial class MessageProcessor(
    CaseDatabase database, IMessageAnalyzer analyzer, SlaPolicy sla, ProcessingOptions options, TimeProvider time, ILogger<MessageProcessor> logger)
{
    // The old per-message query looked at the 30 newest open cases of a key; a mass complaint matches the newest anyway.
    private const int CandidatesPerKey = 30;

    // Below this many messages the thread hand-off costs more than analyzing them on the calling thread.
    private const int ParallelFrom = 16;

    // A plan that keeps meeting other writers' new cases is given up after this many tries (the arrival path then writes
    // each batch on its own, then stores it pending).
    private const int PlanAttempts = 3;

    private readonly int _writers = WritersFor(database, options);

    // One permit per writer; the pending path and the tests' hold take them all (in turn, under _exclusive).
    private readonly SemaphoreSlim _gate = new(WritersFor(database, options));
    private readonly SemaphoreSlim _exclusive = new(1, 1);

    /// <summary>Tests: awaited in a write transaction after its writes, before its plan is checked and it commits.</summary>
    internal Func<Task>? BeforeCheck { get; set; }

    /// <summary>Processes every pending message; returns how many it processed.</summary>
    public Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default) => ProcessPendingAsync(long.MaxValue, cancellationToken);

    /// <summary>
    /// Processes pending messages, oldest first, until none is left or the message with id <paramref name="through"/>
    /// has had its turn; returns how many it processed. A request that stored messages up to <paramref name="through"/>
    /// waits for its own, not for everything that keeps arriving behind them.
    /// </summary>
    public async Task<int> ProcessPendingAsync(long through, CancellationToken cancellationToken = default)
    {
        await HoldAllWritersAsync(cancellationToken);
        try
        {
            var total = 0;
            while (true)
            {
                var (done, lastId) = await ProcessBatchAsync(cancellationToken);
                total += done;
                if (done < options.BatchSize || lastId >= through)
                {
                    return total;
                }
            }
        }
        finally
        {
            ReleaseAllWriters();
        }
    }

    // SQLite has one write lock: more writers would only queue for it.
    private static int WritersFor(CaseDatabase database, ProcessingOptions options) =>
        database.Dialect is PostgresDialect ? Math.Max(1, options.Writers ?? 2) : 1;

    /// <summary>Takes every writer's permit: nothing arriving is written until <see cref="ReleaseAllWriters"/>.</summary>
    private async Task HoldAllWritersAsync(CancellationToken cancellationToken)
    {
        await _exclusive.WaitAsync(cancellationToken);
        var held = 0;
        try
        {
            for (; held < _writers; held++)
            {
                await _gate.WaitAsync(cancellationToken);
            }
        }
        catch
        {
            if (held > 0)
            {
                _gate.Release(held);
            }

            _exclusive.Release();
            throw;
        }
    }

    private void ReleaseAllWriters()
    {
        _gate.Release(_writers);
        _exclusive.Release();
    }

    private async Task<(int Done, long LastId)> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await TryProcessBatchAsync(cancellationToken) is { } done)
            {
                return done;
            }

            Log.PlanConflict(logger, attempt);
            if (attempt == PlanAttempts)
            {
                // The messages stay pending: the worker (or the next call) tries again.
                throw new InvalidOperationException($"Pending messages met cases other writers opened meanwhile {PlanAttempts} times in a row; they stay pending.");
            }
        }
    }

    /// <summary>One pending batch in one transaction; null when another writer's new cases changed the plan (nothing committed).</summary>
    private async Task<(int Done, long LastId)?> TryProcessBatchAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(write: true, cancellationToken);
        await session.BeginWritingAsync(cancellationToken);
        var pending = await session.ClaimPendingAsync(options.BatchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return (0, 0);
        }

        var started = Stopwatch.GetTimestamp();
        var (analyzed, failed) = Analyze(pending);
        var analysisTime = Stopwatch.GetElapsedTime(started);
        var now = time.GetUtcNow();
        var good = Enumerable.Range(0, pending.Count).Where(i => failed[i] is null).ToList();
        if (good.Count == 0 && failed.FirstOrDefault(f => f is not null) is { } broken)
        {
            // Every message failed: the analyzer itself is broken (a crash, a missing model), not the messages. They
            // stay pending and the worker tries again, as after a crash.
            ExceptionDispatchInfo.Capture(broken).Throw();
        }

        if (good.Count < pending.Count)
        {
            // One message the analyzer cannot take must not hold back the others, batch after batch: it leaves the
            // pending set marked failed, and the rest of the batch is processed.
            var failures = Enumerable.Range(0, pending.Count).Where(i => failed[i] is not null).Select(i => (pending[i].Id, failed[i]!)).ToList();
            await session.MarkFailedAsync(failures.Select(f => (f.Id, Reason(f.Item2))).ToList(), now, cancellationToken);
            foreach (var (id, exception) in failures)
            {
                Log.MessageFailed(logger, id, exception);
            }
        }

        var messages = good.Select(i => pending[i]).ToList();
        var planned = await PlanAsync(session, messages, good.Select(i => analyzed[i]).ToArray(), now, cancellationToken);
        var plan = planned.Plan;
        var ids = await session.CreateCasesAsync(plan.NewCases(messages.Select(m => (m.Id, m.Message.AuthorId)).ToList()), cancellationToken);
        var caseIds = plan.CaseIds(ids);
        await session.CountMessagesAsync(plan.JoinedExisting, now, cancellationToken);
        await session.AttachMessagesAsync(messages.Select((m, i) => (m.Id, caseIds[i])).ToList(), cancellationToken);
        await session.AddEventsAsync(plan.Events(ids, messages.Select(m => m.Id).ToList()), cancellationToken);
        if (BeforeCheck is { } hook)
        {
            await hook();
        }

        if (!await StillHoldsAsync(session, planned, ids, cancellationToken))
        {
            return null;
        }

        await session.CommitAsync(cancellationToken);
        LogBatch(pending.Count, Stopwatch.GetElapsedTime(started), analysisTime, ids.Length);
        return (pending.Count, pending[^1].Id);
    }

    /// <summary>What operators read in the quarantine: the analyzer's own words, no message text.</summary>
    private static string Reason(Exception exception) => $"analysis failed: {exception.GetType().Name}: {exception.Message}";

    /// <summary>
    /// Everything one batch decides, with a fixed number of statements: the bodies its analyses name (added when new),
    /// the candidate cases of all its (topic, body, place) keys at once, then each message in order, in memory.
    /// </summary>
    private async Task<PlannedBatch> PlanAsync(
        CaseSession session, IReadOnlyList<StoredMessage> messages, (MessageAnalysis Analysis, byte[] Fingerprint)[] analyzed, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // One read gives the bodies and their regions (a body added just now has none).
        var bodies = await session.ResolveBodiesAsync(
            analyzed.Select(a => a.Analysis.BodyName).OfType<string>().Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        for (var i = 0; i < analyzed.Length; i++)
        {
            var a = analyzed[i].Analysis;
            if (a.Place.RegionCode is null && a.BodyName is { } bodyName && bodies[bodyName] is { RegionCode: { } code } body)
            {
                analyzed[i].Analysis = a with { Place = BodyRegion.Apply(a.Place, code, body.Region) };
            }
        }

        var keys = analyzed.Select(a => new CandidateKey(
            a.Analysis.Topic, a.Analysis.BodyName is { } name ? bodies[name].Id : null, a.Analysis.Place.RegionCode, a.Analysis.Place.City)).ToArray();
        var found = await session.FindCandidatesAsync(keys.Distinct().ToList(), now - options.DuplicateWindow, CandidatesPerKey, cancellationToken);
        var batch = new PlannedBatch(messages, analyzed, keys, found, now);
        batch.Plan = Plan(batch, found);
        return batch;
    }

    /// <summary>Each message of <paramref name="batch"/> in order, in memory, against the open cases <paramref name="found"/> per key.</summary>
    private BatchPlan Plan(PlannedBatch batch, Dictionary<CandidateKey, List<CaseCandidate>> found)
    {
        var plan = new BatchPlan(batch.Now, options.DuplicateSimilarity, CandidatesPerKey);
        for (var i = 0; i < batch.Messages.Count; i++)
        {
            var (analysis, fingerprint) = batch.Analyzed[i];
            var message = batch.Messages[i].Message;
            var key = batch.Keys[i];
            plan.Add(key, fingerprint, found.GetValueOrDefault(key), () => NewCase(message, analysis, key.BodyId, fingerprint, batch.Now), analysis.BodyName);
        }

        return plan;
    }

    /// <summary>
    /// Whether the plan written in this transaction still holds, now that it is about to commit. PostgreSQL: locks the
    /// keys the plan opened cases of (to the commit) and plans the batch again with their candidates read now
    /// (<see cref="ReplanAsync"/>); a case another transaction opened meanwhile that any message would have joined makes
    /// the plans differ. SQLite's single writer always holds.
    /// </summary>
    /// <param name="newIds">The ids of the cases this transaction opened (it sees them; they are no one else's).</param>
    private async Task<bool> StillHoldsAsync(CaseSession session, PlannedBatch batch, long[] newIds, CancellationToken cancellationToken) =>
        database.Dialect is not PostgresDialect || batch.Plan.OpenedKeys.Count == 0
        || (await ReplanAsync(session, batch, newIds, cancellationToken)).DecidesAs(batch.Plan);

    /// <summary>
    /// Locks the keys <paramref name="batch"/>'s plan opened cases of (to the commit), reads their candidates again,
    /// without the cases <paramref name="ownIds"/>, and plans the batch again with them. The new plan opens cases of no
    /// other key (the other keys' candidates are the ones read first, so their decisions are the same), so it holds
    /// until the commit.
    /// </summary>
    private async Task<BatchPlan> ReplanAsync(CaseSession session, PlannedBatch batch, long[] ownIds, CancellationToken cancellationToken)
    {
        var opened = batch.Plan.OpenedKeys;
        await session.LockCandidateKeysAsync(opened.Keys, cancellationToken);
        // Read past this transaction's own new cases of a key, then leave them out.
        var fresh = await session.FindCandidatesAsync(
            opened.Keys.ToList(), batch.Now - options.DuplicateWindow, CandidatesPerKey + opened.Values.Max(), cancellationToken);
        var own = ownIds.ToHashSet();
        var found = new Dictionary<CandidateKey, List<CaseCandidate>>(batch.Found);
        foreach (var key in opened.Keys)
        {
            var others = fresh.GetValueOrDefault(key)?.Where(c => !own.Contains(c.Id)).Take(CandidatesPerKey).ToList();
            if (others is { Count: > 0 })
            {
                found[key] = others;
            }
            else
            {
                found.Remove(key);
            }
        }

        return Plan(batch, found);
    }

    private void LogBatch(int count, TimeSpan total, TimeSpan analysisTime, int newCases)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var threads = count < ParallelFrom ? 1 : Environment.ProcessorCount;
            Log.ProcessedBatch(logger, count, (long)total.TotalMilliseconds, (long)analysisTime.TotalMilliseconds,
                (long)(count / Math.Max(analysisTime.TotalSeconds, 1e-6)), threads, newCases, count - newCases);
        }
    }

    /// <summary>Analyses in message order; where the analyzer threw, the exception instead (and a default analysis).</summary>
    private ((MessageAnalysis Analysis, byte[] Fingerprint)[] Analyzed, Exception?[] Failed) Analyze(IReadOnlyList<StoredMessage> pending)
    {
        var analyzed = new (MessageAnalysis, byte[])[pending.Count];
        var failed = new Exception?[pending.Count];
        if (pending.Count < ParallelFrom)
        {
            for (var i = 0; i < pending.Count; i++)
            {
                One(i);
            }
        }
        else
        {
            Parallel.For(0, pending.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, One);
        }

        return (analyzed, failed);

        void One(int i)
        {
            try
            {
                analyzed[i] = (analyzer.Analyze(pending[i]), TextFingerprint.Of(pending[i].Message.Text));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed[i] = e;
            }
        }
    }

    private NewCase NewCase(NewMessage message, MessageAnalysis analysis, long? bodyId, byte[] fingerprint, DateTimeOffset now)
    {
        var (firstReplyDue, answerDue) = sla.DeadlinesFor(analysis.Topic, analysis.TopicGroup, now);
        var assign = bodyId is not null && analysis.Confidence >= options.AutoAssignConfidence;
        return new NewCase(
            analysis.TopicGroup, analysis.Topic, analysis.Place, bodyId, assign ? CaseStatus.Assigned : CaseStatus.New,
            analysis.FirstReplyDue ?? firstReplyDue, analysis.AnswerDue ?? answerDue, now, analysis.LabelSource,
            analysis.Confidence, analysis.Reasons, fingerprint, message.Simulated);
    }
}
