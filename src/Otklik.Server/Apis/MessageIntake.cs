using Otklik.Privacy;
using Otklik.Processing;
using Otklik.Storage.Cases;

namespace Otklik.Server.Apis;

/// <summary>Stores validated messages and processes them; shared by the messages API, Open311 and the demo.</summary>
public sealed class MessageIntake(CaseDatabase database, MessageProcessor processor, Pseudonymizer pseudonyms, ProcessingOptions options, TimeProvider time, OtklikServerOptions server)
{
    public async Task<BatchResult> AcceptAsync(IReadOnlyList<MessageInput> messages, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = new List<(MessageInput Input, InsertResult Result)>(messages.Count);
        await using (var session = await database.OpenAsync(write: true, cancellationToken))
        {
            foreach (var m in messages)
            {
                var result = await session.InsertMessageAsync(
                    new NewMessage(
                        m.Channel!.Trim(), m.ExternalId!.Trim(), m.Text!, now, m.Url, pseudonyms.Pseudonymize(m.Author),
                        options.StoreRawAuthors ? m.Author : null, m.PostedAt, m.AccountId, m.ReplyTo, m.Latitude, m.Longitude,
                        m.Address, m.Topic, m.TopicGroup, m.Body, m.Region, m.City, server.Demo),
                    cancellationToken);
                stored.Add((m, result));
            }

            await session.CommitAsync(cancellationToken);
        }

        // Processing is idempotent and resumable: when it fails here, the worker picks the messages up again.
        await processor.ProcessPendingAsync(cancellationToken);
        Dictionary<long, long?> cases;
        await using (var session = await database.OpenAsync(write: false, cancellationToken))
        {
            cases = await session.CasesOfMessagesAsync(stored.Select(s => s.Result.MessageId).ToList(), cancellationToken);
        }

        var results = stored.Select(s => new MessageResult(
            s.Input.Channel!.Trim(), s.Input.ExternalId!.Trim(), s.Result.MessageId, s.Result.Duplicate ? "duplicate" : "accepted",
            cases.GetValueOrDefault(s.Result.MessageId))).ToList();
        var duplicates = results.Count(r => r.Status == "duplicate");
        return new BatchResult(results, results.Count - duplicates, duplicates);
    }
}
