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
/// they are never processed twice. One processor at a time per process.
/// </summary>
/// <remarks>
/// Set-based: a batch is analyzed on all cores (the analyzer is pure CPU), then costs a fixed handful of statements
/// whatever its size: bodies by name, candidate cases for every (topic, body, place) of the batch, the new cases, the
/// counts of joined cases, the messages (or their case ids), the events. The decisions in between are made in memory
/// (<see cref="BatchPlan"/>), in message order, exactly as one message at a time would make them.
/// </remarks>
public sealed partial class MessageProcessor(
    CaseDatabase database, IMessageAnalyzer analyzer, SlaPolicy sla, ProcessingOptions options, TimeProvider time, ILogger<MessageProcessor> logger)
{
    // The old per-message query looked at the 30 newest open cases of a key; a mass complaint matches the newest anyway.
    private const int CandidatesPerKey = 30;

    // Below this many messages the thread hand-off costs more than analyzing them on the calling thread.
    private const int ParallelFrom = 16;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Processes every pending message; returns how many it processed.</summary>
    public Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default) => ProcessPendingAsync(long.MaxValue, cancellationToken);

    /// <summary>
    /// Processes pending messages, oldest first, until none is left or the message with id <paramref name="through"/>
    /// has had its turn; returns how many it processed. A request that stored messages up to <paramref name="through"/>
    /// waits for its own, not for everything that keeps arriving behind them.
    /// </summary>
    public async Task<int> ProcessPendingAsync(long through, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
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
            _gate.Release();
        }
    }

    private async Task<(int Done, long LastId)> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(write: true, cancellationToken);
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
        var plan = await PlanAsync(session, messages, good.Select(i => analyzed[i]).ToArray(), now, cancellationToken);
        var ids = await session.CreateCasesAsync(plan.NewCases(messages.Select(m => (m.Id, m.Message.AuthorId)).ToList()), cancellationToken);
        var caseIds = plan.CaseIds(ids);
        await session.CountMessagesAsync(plan.JoinedExisting, now, cancellationToken);
        await session.AttachMessagesAsync(messages.Select((m, i) => (m.Id, caseIds[i])).ToList(), cancellationToken);
        await session.AddEventsAsync(plan.Events(ids, messages.Select(m => m.Id).ToList()), cancellationToken);
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
    private async Task<BatchPlan> PlanAsync(
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
        var plan = new BatchPlan(now, options.DuplicateSimilarity, CandidatesPerKey);
        for (var i = 0; i < messages.Count; i++)
        {
            var (analysis, fingerprint) = analyzed[i];
            var message = messages[i].Message;
            var bodyId = keys[i].BodyId;
            plan.Add(keys[i], fingerprint, found.GetValueOrDefault(keys[i]), () => NewCase(message, analysis, bodyId, fingerprint, now), analysis.BodyName);
        }

        return plan;
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
