using Microsoft.Extensions.Logging;
using Otklik.Privacy;
using Otklik.Processing;
using Otklik.Storage.Cases;

namespace Otklik.Server.Apis;

/// <summary>Stores validated messages and processes them; shared by the messages API, Open311 and the demo.</summary>
public sealed class MessageIntake(
    CaseDatabase database, MessageProcessor processor, Pseudonymizer pseudonyms, ProcessingOptions options, TimeProvider time,
    OtklikServerOptions server, ILogger<MessageIntake> logger)
{
    /// <summary>
    /// The batch is stored and processed in one transaction (<see cref="MessageProcessor.AcceptAsync"/>), shared with
    /// the batches that arrived while the previous one was writing; the response waits for its commit. When that
    /// cannot be done (the analyzer fails, another process stored one of the keys), it is stored pending in a
    /// transaction of its own, so an acknowledged message is never lost, then processed apart; if that fails too the
    /// request fails, the messages stay pending and the worker processes them (at start, or within seconds).
    /// </summary>
    public async Task<BatchResult> AcceptAsync(IReadOnlyList<MessageInput> messages, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var drafts = messages.Select(m => new NewMessage(
            m.Channel!.Trim(), m.ExternalId!.Trim(), m.Text!, now, m.Url, pseudonyms.Pseudonymize(m.Author),
            options.StoreRawAuthors ? m.Author : null, m.PostedAt, m.AccountId, m.ReplyTo, m.Latitude, m.Longitude,
            m.Address, m.Topic, m.TopicGroup, m.Body, m.Region, m.City, server.Demo)).ToList();
        List<InsertResult>? stored;
        try
        {
            stored = await processor.AcceptAsync(drafts, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.AcceptFailed(logger, drafts.Count, e);
            stored = null;
        }

        if (stored is null)
        {
            await using var session = await database.OpenAsync(write: true, cancellationToken);
            stored = await session.InsertMessagesAsync(drafts, cancellationToken: cancellationToken);
            await session.CommitAsync(cancellationToken);
        }

        var waiting = stored.Where(s => s.CaseId is null).Select(s => s.MessageId).Distinct().ToList();
        var cases = new Dictionary<long, long?>();
        if (waiting.Count > 0)
        {
            // Processing is idempotent and resumable: when it fails here, the worker picks the messages up again.
            await processor.ProcessPendingAsync(waiting.Max(), cancellationToken);
            await using var session = await database.OpenAsync(write: false, cancellationToken);
            cases = await session.CasesOfMessagesAsync(waiting, cancellationToken);
        }

        var results = drafts.Select((m, i) => new MessageResult(
            m.Channel, m.ExternalId, stored[i].MessageId, stored[i].Duplicate ? "duplicate" : "accepted",
            stored[i].CaseId ?? cases.GetValueOrDefault(stored[i].MessageId))).ToList();
        var duplicates = results.Count(r => r.Status == "duplicate");
        return new BatchResult(results, results.Count - duplicates, duplicates);
    }
}
