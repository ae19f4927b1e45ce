using System.Globalization;
using Microsoft.Data.Sqlite;
using Otklik.Storage.Sqlite;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    private const string InsertMessageColumns = """
        INSERT INTO messages (id, channel, external_id, text, received_at, url, author_id, author_raw, posted_at, account_id,
            reply_to_external_id, geo_lat, geo_lon, address, topic_hint, topic_group_hint, body_hint, region_hint, city_hint, simulated, case_id)
        """;

    /// <summary>
    /// Stores messages unless (channel, external id) is already there: the idempotence of every push. One result per
    /// message, in order; a key repeated within the batch is stored once and its later copies are duplicates.
    /// </summary>
    /// <param name="caseIds">The case of each message when it is processed as it is stored; null: stored pending.</param>
    /// <param name="ids">Ids taken for the messages by <see cref="ReserveMessageIdsAsync"/>; null: new ones.</param>
    /// <param name="searchVectors">
    /// PostgreSQL: each message's search vector as <see cref="SearchVectorsAsync"/> computed it from the same text; null
    /// (or a null element): the insert trigger computes it. Ignored on SQLite.
    /// </param>
    public async Task<List<InsertResult>> InsertMessagesAsync(
        IReadOnlyList<NewMessage> messages, IReadOnlyList<long>? caseIds = null, IReadOnlyList<long>? ids = null,
        IReadOnlyList<string?>? searchVectors = null, CancellationToken cancellationToken = default)
    {
        var first = new Dictionary<(string, string), int>();
        var distinct = new List<(NewMessage Message, long? CaseId, string? Vector)>(messages.Count);
        var distinctIds = new List<long>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            if (first.TryAdd((m.Channel, m.ExternalId), distinct.Count))
            {
                distinct.Add((m, caseIds?[i], searchVectors?[i]));
                if (ids is not null)
                {
                    distinctIds.Add(ids[i]);
                }
            }
        }

        if (ids is null)
        {
            distinctIds = [.. await ReserveMessageIdsAsync(distinct.Count, cancellationToken)];
        }

        var stored = IsPostgres
            ? await InsertMessagesPostgresAsync(distinct, distinctIds, cancellationToken)
            : await InsertMessagesSqliteAsync(distinct, distinctIds, cancellationToken);
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

    /// <summary>
    /// Ids for <paramref name="count"/> new messages, increasing. PostgreSQL: from the messages' sequence. SQLite: the
    /// ids it would give them itself (max(id) + 1 on, no AUTOINCREMENT), which the write transaction's lock keeps free.
    /// </summary>
    public async Task<long[]> ReserveMessageIdsAsync(int count, CancellationToken cancellationToken = default)
    {
        if (count == 0)
        {
            return [];
        }

        if (IsPostgres)
        {
            return await NextPostgresIdsAsync("messages", count, cancellationToken);
        }

        return await NextSqliteIdsAsync("messages", count, cancellationToken);
    }

    /// <summary><paramref name="count"/> ids from the sequence of <paramref name="table"/>'s id, increasing.</summary>
    private async Task<long[]> NextPostgresIdsAsync(string table, int count, CancellationToken cancellationToken) =>
        (await QueryAsync(PostgresDialect.NextIds(table), r => r.GetInt64(0), cancellationToken, ("n", count))).Order().ToArray();

    /// <summary>
    /// The ids SQLite would give <paramref name="count"/> new rows of <paramref name="table"/> itself: max(id) + 1 on (no
    /// AUTOINCREMENT). The write transaction holds the database's only write lock, so they stay free until it inserts.
    /// </summary>
    private async Task<long[]> NextSqliteIdsAsync(string table, int count, CancellationToken cancellationToken)
    {
        var first = Convert.ToInt64(await ScalarAsync($"SELECT coalesce(max(id), 0) + 1 FROM {table}", cancellationToken), CultureInfo.InvariantCulture);
        return Enumerable.Range(0, count).Select(i => first + i).ToArray();
    }

    /// <summary>
    /// PostgreSQL: the search vectors of <paramref name="texts"/> (as text, in order), computed by the database the way
    /// the messages' insert trigger computes them (<see cref="SearchVectorSchema.VectorOfText"/>); null on SQLite, whose
    /// index is filled at commit. On a connection of its own, outside the write transaction: the arrival path computes
    /// them while the previous batch is still writing, on another core, and the writer's INSERT then only stores them
    /// (computing them inside it was a third of the writer's time).
    /// </summary>
    public async Task<string[]?> SearchVectorsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (!IsPostgres)
        {
            return null;
        }

        await using var select = ArrayCommand(
            $"SELECT {SearchVectorSchema.VectorOfText}::text FROM unnest(@texts::text[]) WITH ORDINALITY u(text, n) ORDER BY n",
            ("texts", texts as string[] ?? [.. texts]));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var vectors = new string[texts.Count];
        for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
        {
            vectors[i] = reader.GetString(0);
        }

        return vectors;
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

        var rows = await QueryAsync(
            "SELECT k.key, m.id, m.case_id FROM json_each(@keys) k JOIN messages m ON m.channel = k.value->>0 AND m.external_id = k.value->>1",
            r => (Key: r.GetInt32(0), Result: new InsertResult(r.GetInt64(1), true, Db.Long(r, 2))), cancellationToken,
            ("keys", JsonRows.Of(messages, m => [m.Channel, m.ExternalId])));
        foreach (var (key, result) in rows)
        {
            found[(messages[key].Channel, messages[key].ExternalId)] = result;
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

        // The search index already holds these messages, and its trigger (messages_fts_update) re-indexes each with its
        // case's scope, a row at a time in the update's order. The index is keyed newest first (migration 23,
        // SearchNewestFirstSchema), and FTS5 writes a segment each time it is given a rowid not above the last one, so the
        // rows must go in descending message id (ascending rowid). An UPDATE … FROM updates in ascending rowid order
        // whatever its source's order (SQLite collects the rowids first); an INSERT … SELECT into the view
        // message_attach, whose trigger updates the row, goes in the SELECT's order.
        await ExecuteAsync(
            "INSERT INTO message_attach (id, case_id) SELECT value->>0, value->>1 FROM json_each(@rows) ORDER BY value->>0 DESC",
            cancellationToken, ("rows", JsonRows.Of(attachments, a => [a.MessageId, a.CaseId])));
    }

    /// <remarks>
    /// One prepared statement stepped per row on the C API (<see cref="RawStatement"/>), texts bound as UTF-8: the
    /// rows as one JSON parameter cost the writer, on its one thread, the JSON written here and then parsed by SQLite
    /// row by row and column by column (about a tenth of the server's CPU on the 1M-case ingest bench).
    /// </remarks>
    private async Task<List<InsertResult>> InsertMessagesSqliteAsync(
        List<(NewMessage Message, long? CaseId, string? Vector)> messages, List<long> ids, CancellationToken cancellationToken)
    {
        // A key stored meanwhile is skipped by the conflict clause (no row changed), leaves its id unused and comes back
        // from FindMessagesAsync as a duplicate.
        var inserted = new bool[messages.Count];
        using (var insert = new RawStatement((SqliteConnection)_connection, InsertMessageColumns + """
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)
            ON CONFLICT (channel, external_id) DO NOTHING
            """))
        {
            for (var i = 0; i < messages.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (m, caseId, _) = messages[i];
                insert.Bind(1, ids[i]);
                insert.Bind(2, m.Channel);
                insert.Bind(3, m.ExternalId);
                insert.Bind(4, m.Text);
                insert.Bind(5, (string?)T(m.ReceivedAt));
                insert.Bind(6, m.Url);
                insert.Bind(7, m.AuthorId);
                insert.Bind(8, m.AuthorRaw);
                insert.Bind(9, (string?)T(m.PostedAt));
                insert.Bind(10, m.AccountId);
                insert.Bind(11, m.ReplyTo);
                insert.Bind(12, m.Latitude);
                insert.Bind(13, m.Longitude);
                insert.Bind(14, m.Address);
                insert.Bind(15, m.TopicHint);
                insert.Bind(16, m.TopicGroupHint);
                insert.Bind(17, m.BodyHint);
                insert.Bind(18, m.RegionHint);
                insert.Bind(19, m.CityHint);
                insert.Bind(20, Db.Flag(m.Simulated));
                insert.Bind(21, caseId);
                inserted[i] = insert.Execute() == 1;
            }
        }

        var old = messages.Where((_, i) => !inserted[i]).Select(r => r.Message).ToList();
        var found = await FindMessagesAsync(old, cancellationToken);
        return messages.Select((r, i) => inserted[i]
            ? new InsertResult(ids[i], false, r.CaseId)
            : found[(r.Message.Channel, r.Message.ExternalId)]).ToList();
    }

    private async Task<List<InsertResult>> InsertMessagesPostgresAsync(
        List<(NewMessage Message, long? CaseId, string? Vector)> rows, List<long> idColumn, CancellationToken cancellationToken)
    {
        var messages = rows.Select(r => r.Message).ToList();
        var ids = new Dictionary<(string, string), InsertResult>();
        // The search vector as text: tsvector's text form reads back to the same vector. It is the text's; the case's
        // scope lexemes are added here, set-based, for the trigger keeps a vector given (a null one it computes whole).
        await using (var insert = ArrayCommand(
            InsertMessageColumns.Replace("case_id)", "case_id, tsv)", StringComparison.Ordinal) + $"""
             SELECT u.id, u.ch, u.ext, u.text, u.recv, u.url, u.aid, u.araw, u.posted, u.acc, u.reply, u.lat, u.lon, u.addr, u.th,
                u.tgh, u.bh, u.rh, u.ch2, u.sim, u.case_id, u.tsv || {SearchScopeSchema.ScopeVector("c.body_id", "c.escalated_to_body_id")}
             FROM unnest(@id::bigint[], @ch::text[], @ext::text[], @text::text[], @recv::timestamptz[], @url::text[], @aid::text[], @araw::text[],
                @posted::timestamptz[], @acc::bigint[], @reply::text[], @lat::float8[], @lon::float8[], @addr::text[], @th::text[],
                @tgh::text[], @bh::text[], @rh::text[], @ch2::text[], @sim::bigint[], @case::bigint[], @tsv::text[]::tsvector[])
                u(id, ch, ext, text, recv, url, aid, araw, posted, acc, reply, lat, lon, addr, th, tgh, bh, rh, ch2, sim, case_id, tsv)
             LEFT JOIN cases c ON c.id = u.case_id
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
            ("sim", Column(messages, m => Db.Flag(m.Simulated))), ("case", Column(rows, r => r.CaseId)), ("id", idColumn.ToArray()),
            ("tsv", Column(rows, r => r.Vector))))
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
