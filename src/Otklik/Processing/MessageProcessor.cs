using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Otklik.Model;
using Otklik.Sla;
using Otklik.Storage.Cases;

namespace Otklik.Processing;

/// <summary>
/// Turns stored messages into cases. At-least-once with idempotent effects: a message is stored first (unique by
/// channel + external id), then processed in a transaction that writes its case, its events and its processed mark
/// together. A crash before the commit leaves the message pending and the next run (at start, or the background
/// worker) does it again; after the commit it is never picked up twice. One processor at a time per process.
/// </summary>
/// <remarks>
/// Set-based: a batch of pending messages is analyzed on all cores (the analyzer is pure CPU), then costs a fixed
/// handful of statements whatever its size: bodies by name, candidate cases for every (topic, body, place) of the
/// batch, the new cases, the counts of joined cases, the messages' case ids, the events. The decisions in between are
/// made in memory (<see cref="BatchPlan"/>), in message order, exactly as one message at a time would make them.
/// </remarks>
public sealed class MessageProcessor(
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

        var now = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var analyzed = Analyze(pending);
        var analysisTime = Stopwatch.GetElapsedTime(started);
        var bodies = await session.ResolveBodiesAsync(
            analyzed.Select(a => a.Analysis.BodyName).OfType<string>().Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var keys = analyzed.Select(a => new CandidateKey(
            a.Analysis.Topic, BodyOf(a.Analysis, bodies), a.Analysis.Place.RegionCode, a.Analysis.Place.City)).ToArray();
        var found = await session.FindCandidatesAsync(keys.Distinct().ToList(), now - options.DuplicateWindow, CandidatesPerKey, cancellationToken);

        var plan = new BatchPlan(now, options.DuplicateSimilarity, CandidatesPerKey);
        for (var i = 0; i < pending.Count; i++)
        {
            var (analysis, fingerprint) = analyzed[i];
            var bodyId = keys[i].BodyId;
            plan.Add(pending[i].Id, keys[i], fingerprint, found.GetValueOrDefault(keys[i]), () => NewCase(pending[i], analysis, bodyId, fingerprint, now), analysis.BodyName);
        }

        var ids = await session.CreateCasesAsync(plan.NewCases, cancellationToken);
        await session.CountMessagesAsync(plan.JoinedExisting, now, cancellationToken);
        await session.AttachMessagesAsync(plan.Attachments(ids), cancellationToken);
        await session.AddEventsAsync(plan.Events(ids), cancellationToken);
        await session.CommitAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var threads = pending.Count < ParallelFrom ? 1 : Environment.ProcessorCount;
            Log.ProcessedBatch(logger, pending.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, (long)analysisTime.TotalMilliseconds,
                (long)(pending.Count / Math.Max(analysisTime.TotalSeconds, 1e-6)), threads, ids.Length, pending.Count - ids.Length);
        }

        return (pending.Count, pending[^1].Id);
    }

    private (MessageAnalysis Analysis, byte[] Fingerprint)[] Analyze(List<StoredMessage> pending)
    {
        var analyzed = new (MessageAnalysis, byte[])[pending.Count];
        if (pending.Count < ParallelFrom)
        {
            for (var i = 0; i < pending.Count; i++)
            {
                analyzed[i] = (analyzer.Analyze(pending[i]), TextFingerprint.Of(pending[i].Message.Text));
            }

            return analyzed;
        }

        try
        {
            Parallel.For(0, pending.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => analyzed[i] = (analyzer.Analyze(pending[i]), TextFingerprint.Of(pending[i].Message.Text)));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The analyzer's own exception, as the sequential path would throw it (the batch rolls back either way).
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return analyzed;
    }

    private static long? BodyOf(MessageAnalysis analysis, Dictionary<string, long> bodies) =>
        analysis.BodyName is { } name ? bodies[name] : null;

    private NewCase NewCase(StoredMessage stored, MessageAnalysis analysis, long? bodyId, byte[] fingerprint, DateTimeOffset now)
    {
        var (firstReplyDue, answerDue) = sla.DeadlinesFor(analysis.Topic, analysis.TopicGroup, now);
        var assign = bodyId is not null && analysis.Confidence >= options.AutoAssignConfidence;
        return new NewCase(
            analysis.TopicGroup, analysis.Topic, analysis.Place, bodyId, assign ? CaseStatus.Assigned : CaseStatus.New,
            analysis.FirstReplyDue ?? firstReplyDue, analysis.AnswerDue ?? answerDue, now, analysis.LabelSource,
            analysis.Confidence, analysis.Reasons, fingerprint, stored.Message.Simulated);
    }
}
