using System.Globalization;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    private const string InsertMessageColumns = """
        INSERT INTO messages (channel, external_id, text, received_at, url, author_id, author_raw, posted_at, account_id,
            reply_to_external_id, geo_lat, geo_lon, address, topic_hint, topic_group_hint, body_hint, region_hint, city_hint, simulated, case_id)
        """;

    /// <summary>
    /// Stores messages unless (channel, external id) is already there: the idempotence of every push. One result per
    /// message, in order; a key repeated within the batch is stored once and its later copies are duplicates.
    /// </summary>
    /// <param name="caseIds">The case of each message when it is processed as it is stored; null: stored pending.</param>
    public async Task<List<InsertResult>> InsertMessagesAsync(IReadOnlyList<NewMessage> messages, IReadOnlyList<long>? caseIds = null, CancellationToken cancellationToken = default)
    {
        var first = new Dictionary<(string, string), int>();
        var distinct = new List<(NewMessage Message, long? CaseId)>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            if (first.TryAdd((m.Channel, m.ExternalId), distinct.Count))
            {
                distinct.Add((m, caseIds?[i]));
            }
        }

        var stored = IsPostgres ? await InsertMessagesPostgresAsync(distinct, cancellationToken) : await InsertMessagesSqliteAsync(distinct, cancellationToken);
        var results = new List<InsertResult>(messages.Count);
        var seen = new HashSet<int>();
        foreach (var m in messages)
        {
            var index = first[(m.Channel, m.ExternalId)];
            var result = stored[index];
            results.Add(seen.Add(index) ? result : result with { Duplicate = true });
        }

        return results;
    }

    /// <summary>The messages already stored under the keys (channel, external id) of <paramref name="messages"/>, as duplicates.</summary>
    public async Task<Dictionary<(string Channel, string ExternalId), InsertResult>> FindMessagesAsync(
        IReadOnlyList<NewMessage> messages, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<(string, string), InsertResult>();
        if (messages.Count == 0)
        {
            return found;
        }

        if (IsPostgres)
        {
            await using var select = ArrayCommand(
                "SELECT id, case_id, channel, external_id FROM messages WHERE (channel, external_id) IN (SELECT * FROM unnest(@ch::text[], @ext::text[]))",
                ("ch", Column(messages, m => m.Channel)), ("ext", Column(messages, m => m.ExternalId)));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[(reader.GetString(2), reader.GetString(3))] = new InsertResult(reader.GetInt64(0), true, Db.Long(reader, 1));
            }

            return found;
        }

        await using var existing = await PrepareAsync("SELECT id, case_id FROM messages WHERE channel = @ch AND external_id = @ext", ["ch", "ext"], cancellationToken);
        foreach (var m in messages)
        {
            var rows = await existing.Bind(m.Channel, m.ExternalId).QueryAsync(r => new InsertResult(r.GetInt64(0), true, Db.Long(r, 1)), cancellationToken);
            if (rows.Count > 0)
            {
                found[(m.Channel, m.ExternalId)] = rows[0];
            }
        }

        return found;
    }

    /// <summary>
    /// Messages not yet turned into (or joined to) a case, oldest first, for a write session that will process them.
    /// PostgreSQL locks them (skipping any another processor holds), so two server processes never process one message
    /// twice; SQLite's single writer already guarantees that.
    /// </summary>
    public Task<List<StoredMessage>> ClaimPendingAsync(int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"SELECT {MessageColumns} WHERE case_id IS NULL AND failed_reason IS NULL ORDER BY id LIMIT @n{(IsPostgres ? " FOR UPDATE SKIP LOCKED" : string.Empty)}",
            ReadMessage, cancellationToken, ("n", (long)limit));

    /// <summary>
    /// Takes messages the analyzer failed on out of the pending set, with the reason, and lists them in the quarantine
    /// (source "processing", line = message id) where operators see them; in the processing transaction.
    /// </summary>
    public async Task MarkFailedAsync(IReadOnlyList<(long MessageId, string Reason)> failures, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        foreach (var (messageId, reason) in failures)
        {
            var bounded = QuarantineEntry.Bound(reason);
            await ExecuteAsync("UPDATE messages SET failed_reason = @r WHERE id = @id", cancellationToken, ("id", messageId), ("r", bounded));
            await ExecuteAsync(
                "INSERT INTO quarantine (at, source, line, reason) VALUES (@at, 'processing', @id, @r) ON CONFLICT (source, line) DO NOTHING",
                cancellationToken, ("at", T(at)), ("id", messageId), ("r", bounded));
        }
    }

    /// <summary>Marks messages processed into their cases (a message with a case is done); in the same transaction as the cases' changes.</summary>
    public async Task AttachMessagesAsync(IReadOnlyList<(long MessageId, long CaseId)> attachments, CancellationToken cancellationToken = default)
    {
        if (attachments.Count == 0)
        {
            return;
        }

        if (IsPostgres)
        {
            await using var command = ArrayCommand(
                "UPDATE messages m SET case_id = u.case_id FROM unnest(@ids::bigint[], @cases::bigint[]) u(id, case_id) WHERE m.id = u.id",
                ("ids", attachments.Select(a => a.MessageId).ToArray()), ("cases", attachments.Select(a => a.CaseId).ToArray()));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var update = await PrepareAsync("UPDATE messages SET case_id = @case WHERE id = @id", ["case", "id"], cancellationToken);
        foreach (var (messageId, caseId) in attachments)
        {
            await update.Bind(caseId, messageId).ExecuteAsync(cancellationToken);
        }
    }

    private async Task<List<InsertResult>> InsertMessagesSqliteAsync(List<(NewMessage Message, long? CaseId)> messages, CancellationToken cancellationToken)
    {
        await using var insert = await PrepareAsync(
            InsertMessageColumns + """
             VALUES (@ch, @ext, @text, @recv, @url, @aid, @araw, @posted, @acc, @reply, @lat, @lon, @addr, @th, @tgh, @bh, @rh, @ch2, @sim, @case)
            ON CONFLICT (channel, external_id) DO NOTHING
            RETURNING id
            """,
            ["ch", "ext", "text", "recv", "url", "aid", "araw", "posted", "acc", "reply", "lat", "lon", "addr", "th", "tgh", "bh", "rh", "ch2", "sim", "case"],
            cancellationToken);
        var results = new InsertResult?[messages.Count];
        var old = new List<NewMessage>();
        for (var i = 0; i < messages.Count; i++)
        {
            var (m, caseId) = messages[i];
            var id = await insert.Bind(
                m.Channel, m.ExternalId, m.Text, T(m.ReceivedAt), m.Url, m.AuthorId, m.AuthorRaw, T(m.PostedAt), m.AccountId, m.ReplyTo,
                m.Latitude, m.Longitude, m.Address, m.TopicHint, m.TopicGroupHint, m.BodyHint, m.RegionHint, m.CityHint, Db.Flag(m.Simulated), caseId)
                .ScalarAsync(cancellationToken);
            if (id is not null)
            {
                results[i] = new InsertResult(Convert.ToInt64(id, CultureInfo.InvariantCulture), false, caseId);
            }
            else
            {
                old.Add(m);
            }
        }

        var found = await FindMessagesAsync(old, cancellationToken);
        return results.Select((r, i) => r ?? found[(messages[i].Message.Channel, messages[i].Message.ExternalId)]).ToList();
    }

    private async Task<List<InsertResult>> InsertMessagesPostgresAsync(List<(NewMessage Message, long? CaseId)> rows, CancellationToken cancellationToken)
    {
        var messages = rows.Select(r => r.Message).ToList();
        var ids = new Dictionary<(string, string), InsertResult>();
        await using (var insert = ArrayCommand(
            InsertMessageColumns + """
             SELECT * FROM unnest(@ch::text[], @ext::text[], @text::text[], @recv::timestamptz[], @url::text[], @aid::text[], @araw::text[],
                @posted::timestamptz[], @acc::bigint[], @reply::text[], @lat::float8[], @lon::float8[], @addr::text[], @th::text[],
                @tgh::text[], @bh::text[], @rh::text[], @ch2::text[], @sim::bigint[], @case::bigint[])
            ON CONFLICT (channel, external_id) DO NOTHING
            RETURNING id, channel, external_id, case_id
            """,
            ("ch", Column(messages, m => m.Channel)), ("ext", Column(messages, m => m.ExternalId)), ("text", Column(messages, m => m.Text)),
            ("recv", Column(messages, m => m.ReceivedAt.UtcDateTime)), ("url", Column(messages, m => m.Url)),
            ("aid", Column(messages, m => m.AuthorId)), ("araw", Column(messages, m => m.AuthorRaw)),
            ("posted", Column(messages, m => m.PostedAt?.UtcDateTime)), ("acc", Column(messages, m => m.AccountId)),
            ("reply", Column(messages, m => m.ReplyTo)), ("lat", Column(messages, m => m.Latitude)), ("lon", Column(messages, m => m.Longitude)),
            ("addr", Column(messages, m => m.Address)), ("th", Column(messages, m => m.TopicHint)), ("tgh", Column(messages, m => m.TopicGroupHint)),
            ("bh", Column(messages, m => m.BodyHint)), ("rh", Column(messages, m => m.RegionHint)), ("ch2", Column(messages, m => m.CityHint)),
            ("sim", Column(messages, m => Db.Flag(m.Simulated))), ("case", Column(rows, r => r.CaseId))))
        {
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[(reader.GetString(1), reader.GetString(2))] = new InsertResult(reader.GetInt64(0), false, Db.Long(reader, 3));
            }
        }

        var old = messages.Where(m => !ids.ContainsKey((m.Channel, m.ExternalId))).ToList();
        foreach (var pair in await FindMessagesAsync(old, cancellationToken))
        {
            ids[pair.Key] = pair.Value;
        }

        return messages.Select(m => ids[(m.Channel, m.ExternalId)]).ToList();
    }

    private static TValue[] Column<TRow, TValue>(IReadOnlyList<TRow> rows, Func<TRow, TValue> value)
    {
        var column = new TValue[rows.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = value(rows[i]);
        }

        return column;
    }
}
