using Otklik.Cases;
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
public sealed class MessageProcessor(CaseDatabase database, IMessageAnalyzer analyzer, SlaPolicy sla, ProcessingOptions options, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Processes every pending message; returns how many it processed.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            while (true)
            {
                var done = await ProcessBatchAsync(cancellationToken);
                total += done;
                if (done < options.BatchSize)
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

    private async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(write: true, cancellationToken);
        var pending = await session.PendingMessagesAsync(options.BatchSize, cancellationToken);
        var bodies = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var message in pending)
        {
            await ProcessAsync(session, message, bodies, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return pending.Count;
    }

    private async Task ProcessAsync(CaseSession session, StoredMessage stored, Dictionary<string, long> bodies, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var analysis = analyzer.Analyze(stored);
        long? bodyId = null;
        if (analysis.BodyName is { } name)
        {
            if (!bodies.TryGetValue(name, out var id))
            {
                // A label names a body the registry does not have yet: the labeled input seeds the registry.
                id = await session.FindBodyByNameAsync(name, cancellationToken)
                    ?? await session.AddBodyAsync(new Body(0, name, null, BodyLevel.Other, null, null, Territory.Unknown, null), cancellationToken);
                bodies[name] = id;
            }

            bodyId = id;
        }

        var text = stored.Message.Text;
        var fingerprint = TextFingerprint.Of(text);
        var candidates = await session.FindCandidatesAsync(analysis.Topic, bodyId, analysis.Place, now - options.DuplicateWindow, 30, cancellationToken);
        foreach (var candidate in candidates)
        {
            var similarity = TextFingerprint.Similarity(fingerprint, candidate.Fingerprint);
            if (similarity >= options.DuplicateSimilarity)
            {
                await session.CountMessageAsync(candidate.Id, now, cancellationToken);
                await session.AttachMessageAsync(stored.Id, candidate.Id, cancellationToken);
                await session.AddEventAsync(candidate.Id, now, Actors.System, EventKinds.MessageJoined, null,
                    stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    FormattableString.Invariant($"near-duplicate, similarity {similarity:0.00}"), cancellationToken);
                return;
            }
        }

        var (firstReplyDue, answerDue) = sla.DeadlinesFor(analysis.Topic, analysis.TopicGroup, now);
        var assign = bodyId is not null && analysis.Confidence >= options.AutoAssignConfidence;
        var caseId = await session.CreateCaseAsync(
            new NewCase(
                analysis.TopicGroup, analysis.Topic, analysis.Place, bodyId, assign ? CaseStatus.Assigned : CaseStatus.New,
                analysis.FirstReplyDue ?? firstReplyDue, analysis.AnswerDue ?? answerDue, now, analysis.LabelSource,
                analysis.Confidence, analysis.Reasons, fingerprint, stored.Message.Simulated),
            cancellationToken);
        await session.AttachMessageAsync(stored.Id, caseId, cancellationToken);
        await session.AddEventAsync(caseId, now, Actors.System, EventKinds.Created, null, "new",
            string.Join("; ", analysis.Reasons), cancellationToken);
        if (assign)
        {
            await session.AddEventAsync(caseId, now, Actors.System, EventKinds.Assigned, "new", "assigned",
                "routed: " + analysis.BodyName, cancellationToken);
        }
    }
}
