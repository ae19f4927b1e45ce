using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Otklik.Folding;
using Otklik.Model;
using Otklik.Storage.Sql;
using Otklik.Storage.Sqlite;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    private const string InsertCaseColumns = """
        INSERT INTO cases (id, topic_group, topic, region_code, region, district, city, body_id, status, first_reply_due,
            answer_due, created_at, updated_at, label_source, confidence, reasons, message_count, fingerprint, simulated, first_message_id, first_author_id)
        """;

    /// <summary>
    /// For each key, the open cases with that topic, body and place created since <paramref name="since"/>, newest first,
    /// at most <paramref name="limitPerKey"/>; keys without any are absent. One statement on PostgreSQL.
    /// </summary>
    public async Task<Dictionary<CandidateKey, List<CaseCandidate>>> FindCandidatesAsync(
        IReadOnlyCollection<CandidateKey> keys, DateTimeOffset since, int limitPerKey, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<CandidateKey, List<CaseCandidate>>();
        if (keys.Count == 0)
        {
            return result;
        }

        if (IsPostgres)
        {
            return await FindCandidatesPostgresAsync(keys.ToList(), since, limitPerKey, cancellationToken);
        }

        // One statement for every key: IS compares NULL with NULL as equal and still uses the index (topic, body_id, id)
        // of open cases, probed once per key inside SQLite.
        var list = keys.ToList();
        var rows = await QueryAsync(
            $"""
            SELECT k.key, c.id, c.fingerprint FROM json_each(@keys) k
            JOIN cases c ON c.id IN (
              SELECT id FROM cases WHERE status IN {OpenStatuses} AND created_at >= @since
                AND topic IS k.value->>0 AND body_id IS k.value->>1 AND region_code IS k.value->>2 AND city IS k.value->>3
              ORDER BY id DESC LIMIT @limit)
            """,
            r => (Key: r.GetInt32(0), Candidate: new CaseCandidate(r.GetInt64(1), r.IsDBNull(2) ? [] : (byte[])r.GetValue(2))), cancellationToken,
            ("keys", JsonRows.Of(list, k => [k.Topic, k.BodyId, k.RegionCode, k.City])), ("since", T(since)), ("limit", (long)limitPerKey));
        foreach (var (key, candidate) in rows)
        {
            if (!result.TryGetValue(list[key], out var found))
            {
                result[list[key]] = found = [];
            }

            found.Add(candidate);
        }

        foreach (var found in result.Values)
        {
            found.Sort((a, b) => b.Id.CompareTo(a.Id));
        }

        return result;
    }

    /// <summary>Opens cases; returns their ids in the order given (increasing, so the newest case has the largest id).</summary>
    public async Task<long[]> CreateCasesAsync(IReadOnlyList<NewCase> cases, CancellationToken cancellationToken = default)
    {
        RequireWriting();
        if (cases.Count == 0)
        {
            return [];
        }

        if (IsPostgres)
        {
            // Ids first, so each case's id is known by its position without relying on the order RETURNING gives rows in.
            var ids = await NextPostgresIdsAsync("cases", cases.Count, cancellationToken);
            await using var insert = ArrayCommand(
                InsertCaseColumns + """
                 SELECT * FROM unnest(@id::bigint[], @tg::text[], @t::text[], @rc::text[], @r::text[], @d::text[], @city::text[],
                    @body::bigint[], @status::text[], @frd::timestamptz[], @ad::timestamptz[], @at::timestamptz[], @at::timestamptz[],
                    @ls::text[], @conf::float8[], @reasons::text[], @count::bigint[], @fp::bytea[], @sim::bigint[], @fm::bigint[], @fa::text[])
                """,
                ("id", ids), ("tg", Column(cases, c => c.TopicGroup)), ("t", Column(cases, c => c.Topic)),
                ("rc", Column(cases, c => c.Place.RegionCode)), ("r", Column(cases, c => c.Place.Region)),
                ("d", Column(cases, c => c.Place.District)), ("city", Column(cases, c => c.Place.City)),
                ("body", Column(cases, c => c.BodyId)), ("status", Column(cases, c => DbEnum<CaseStatus>.ToDb(c.Status))),
                ("frd", Column(cases, c => c.FirstReplyDue.UtcDateTime)), ("ad", Column(cases, c => c.AnswerDue.UtcDateTime)),
                ("at", Column(cases, c => c.CreatedAt.UtcDateTime)), ("ls", Column(cases, c => c.LabelSource)),
                ("conf", Column(cases, c => c.Confidence)), ("reasons", Column(cases, c => string.Join('\n', c.Reasons))),
                ("count", Column(cases, c => c.MessageCount)), ("fp", Column(cases, c => c.Fingerprint)),
                ("sim", Column(cases, c => Db.Flag(c.Simulated))), ("fm", Column(cases, c => c.FirstMessageId)), ("fa", Column(cases, c => c.FirstAuthorId)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return ids;
        }

        // The ids are known before the insert, by position, as on PostgreSQL.
        var created = await NextSqliteIdsAsync("cases", cases.Count, cancellationToken);
        await ExecuteAsync(
            InsertCaseColumns + """
             SELECT @first + key, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8,
               value->>9, value->>10, value->>10, value->>11, value->>12, value->>13, value->>14, unhex(value->>15), value->>16, value->>17, value->>18
             FROM json_each(@rows) ORDER BY key
            """,
            cancellationToken, ("first", created[0]), ("rows", JsonRows.Of(cases, c => [
                c.TopicGroup, c.Topic, c.Place.RegionCode, c.Place.Region, c.Place.District, c.Place.City, c.BodyId,
                DbEnum<CaseStatus>.ToDb(c.Status), T(c.FirstReplyDue), T(c.AnswerDue), T(c.CreatedAt), c.LabelSource, c.Confidence,
                string.Join('\n', c.Reasons), c.MessageCount, c.Fingerprint, Db.Flag(c.Simulated), c.FirstMessageId, c.FirstAuthorId])));
        return created;
    }

    /// <summary>Counts messages that joined existing cases and touches their update time.</summary>
    public async Task CountMessagesAsync(IReadOnlyList<(long CaseId, long Added)> counts, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (counts.Count == 0)
        {
            return;
        }

        if (IsPostgres)
        {
            // In id order (unnest keeps the arrays' order): two writers that join the same cases then lock their rows in
            // the same order, never in a circle.
            var sorted = counts.OrderBy(c => c.CaseId).ToList();
            await using var command = ArrayCommand(
                "UPDATE cases c SET message_count = c.message_count + u.n, updated_at = @at FROM unnest(@ids::bigint[], @ns::bigint[]) u(id, n) WHERE c.id = u.id",
                ("ids", Column(sorted, c => c.CaseId)), ("ns", Column(sorted, c => c.Added)), ("at", at.UtcDateTime));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await ExecuteAsync(
            "UPDATE cases SET message_count = message_count + u.n, updated_at = @at FROM (SELECT value->>0 AS id, value->>1 AS n FROM json_each(@rows)) u WHERE cases.id = u.id",
            cancellationToken, ("at", T(at)), ("rows", JsonRows.Of(counts, c => [c.CaseId, c.Added])));
    }

    /// <summary>Appends events in the order given (a case's timeline is ordered by event id). The trail is append-only.</summary>
    public async Task AddEventsAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken = default)
    {
        RequireWriting();
        if (events.Count == 0)
        {
            return;
        }

        if (IsPostgres)
        {
            await using var command = ArrayCommand(
                """
                INSERT INTO case_events (case_id, at, actor, kind, before_value, after_value, note)
                SELECT c, at, actor, kind, b, a, n FROM unnest(@c::bigint[], @at::timestamptz[], @actor::text[], @kind::text[], @b::text[], @a::text[], @n::text[])
                  WITH ORDINALITY u(c, at, actor, kind, b, a, n, o)
                ORDER BY o
                """,
                ("c", Column(events, e => e.CaseId)), ("at", Column(events, e => e.At.UtcDateTime)), ("actor", Column(events, e => e.Actor)),
                ("kind", Column(events, e => e.Kind)), ("b", Column(events, e => e.Before)), ("a", Column(events, e => e.After)),
                ("n", Column(events, e => e.Note)));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        // A prepared statement per row on the C API, as for the messages (CaseSession.MessageBatch.cs).
        using var insert = new RawStatement((SqliteConnection)_connection,
            "INSERT INTO case_events (case_id, at, actor, kind, before_value, after_value, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        string? at = null;
        var atOf = DateTimeOffset.MinValue;
        foreach (var e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (at is null || e.At != atOf)
            {
                // A batch's events share one time: encode it once.
                (atOf, at) = (e.At, (string)T(e.At)!);
            }

            insert.Bind(1, e.CaseId);
            insert.Bind(2, at);
            insert.Bind(3, e.Actor);
            insert.Bind(4, e.Kind);
            insert.Bind(5, e.Before);
            insert.Bind(6, e.After);
            insert.Bind(7, e.Note);
            insert.Execute();
        }
    }

    /// <summary>
    /// The bodies by name (folded, as <see cref="FindBodyByNameAsync"/>) with their regions, in one read; names the
    /// registry lacks are added (without a region).
    /// </summary>
    public async Task<Dictionary<string, ResolvedBody>> ResolveBodiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, ResolvedBody>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return result;
        }

        var folded = names.Select(RussianText.FoldName).Distinct(StringComparer.Ordinal).ToList();
        var sql = new StringBuilder("SELECT folded_name, id, region_code, region FROM bodies WHERE folded_name IN (");
        var args = new (string, object?)[folded.Count];
        for (var i = 0; i < folded.Count; i++)
        {
            var name = "k" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i > 0 ? ", @" : "@").Append(name);
            args[i] = (name, folded[i]);
        }

        var found = (await QueryAsync(sql.Append(')').ToString(), r => (r.GetString(0), new ResolvedBody(r.GetInt64(1), Db.Str(r, 2), Db.Str(r, 3))), cancellationToken, args))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!found.TryGetValue(RussianText.FoldName(name), out var body))
            {
                // A label names a body the registry does not have yet: the labeled input seeds the registry (one such
                // transaction at a time, AddBodyAsync).
                var id = await AddBodyAsync(new Body(0, name, null, BodyLevel.Other, null, null, Territory.Unknown, null), cancellationToken);
                body = new ResolvedBody(id, null, null);
                found[RussianText.FoldName(name)] = body;
            }

            result[name] = body;
        }

        return result;
    }

    private async Task<Dictionary<CandidateKey, List<CaseCandidate>>> FindCandidatesPostgresAsync(
        List<CandidateKey> keys, DateTimeOffset since, int limitPerKey, CancellationToken cancellationToken)
    {
        // One branch per shape of the keys (topic and body given or not), so each lateral probe is a plain equality
        // on the index (topic, body_id, id) of open cases rather than an IS NOT DISTINCT FROM no index serves.
        var sql = new StringBuilder();
        var args = new List<(string, object)> { ("since", since.UtcDateTime), ("limit", (long)limitPerKey) };
        var branch = 0;
        foreach (var shape in keys.Select((k, i) => (Key: k, Index: i)).GroupBy(k => (k.Key.Topic is null, k.Key.BodyId is null)))
        {
            var p = "s" + branch++.ToString(CultureInfo.InvariantCulture);
            var rows = shape.ToList();
            sql.Append(sql.Length > 0 ? " UNION ALL " : string.Empty).Append(CultureInfo.InvariantCulture, $"""
                SELECT k.n, c.id, c.fingerprint
                FROM unnest(@{p}n::int[], @{p}t::text[], @{p}b::bigint[], @{p}rc::text[], @{p}city::text[]) k(n, topic, body, rc, city)
                CROSS JOIN LATERAL (
                  SELECT id, fingerprint FROM cases c WHERE c.status IN {OpenStatuses} AND c.created_at >= @since
                    AND {(shape.Key.Item1 ? "c.topic IS NULL" : "c.topic = k.topic")} AND {(shape.Key.Item2 ? "c.body_id IS NULL" : "c.body_id = k.body")}
                    AND c.region_code IS NOT DISTINCT FROM k.rc AND c.city IS NOT DISTINCT FROM k.city
                  ORDER BY c.id DESC LIMIT @limit) c
                """);
            args.Add((p + "n", Column(rows, r => r.Index)));
            args.Add((p + "t", Column(rows, r => r.Key.Topic)));
            args.Add((p + "b", Column(rows, r => r.Key.BodyId)));
            args.Add((p + "rc", Column(rows, r => r.Key.RegionCode)));
            args.Add((p + "city", Column(rows, r => r.Key.City)));
        }

        await using var command = ArrayCommand(sql.ToString(), [.. args]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<CandidateKey, List<CaseCandidate>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = keys[reader.GetInt32(0)];
            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }

            list.Add(new CaseCandidate(reader.GetInt64(1), reader.IsDBNull(2) ? [] : (byte[])reader.GetValue(2)));
        }

        foreach (var list in result.Values)
        {
            list.Sort((a, b) => b.Id.CompareTo(a.Id));
        }

        return result;
    }
}
