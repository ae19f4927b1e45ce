using System.Data.Common;
using Otklik.Storage.Sql;

namespace Otklik.Storage.Sqlite;

/// <summary>
/// The SQLite full-text index of message texts (FTS5, external content) is brought up to date at the end of each write
/// transaction instead of by a per-row trigger: messages above the watermark in <c>search_state</c> are indexed with one
/// INSERT … SELECT. Measured on 100,000 imported messages of about 1 KB, the per-row trigger cost 16 s of CPU, the
/// statement 5 s, so a bulk import pays a third. Every writer calls <see cref="CatchUpSql"/> before it commits (the import
/// per batch, every case workflow write session) and opening the store runs it once more, so a message is searchable
/// when its transaction commits. Changes of already indexed texts (retention) are still kept in step by triggers, which
/// skip rows above the watermark: FTS5 must never be told to delete a row it does not hold.
/// </summary>
internal static class SqliteSearchIndex
{
    /// <summary>
    /// Indexes the messages above the watermark and moves it; a no-op of two index lookups when none are new. The texts
    /// go in folded, as the index's view gives them (migration 17, <see cref="Cases.SearchYoSchema"/>), with the scope tokens
    /// of their case (migration 18, <see cref="Cases.SearchScopeSchema"/>; a token per word and body since migration 24,
    /// <see cref="Cases.SearchWordScopeSchema"/>), keyed newest first (migration 23,
    /// <see cref="Cases.SearchNewestFirstSchema"/>): in descending id, so the rowids FTS5 is given ascend and it writes
    /// them as one segment. A test that writes through today's sessions into a store of migrations 18–22 gets these
    /// rowids too, and rebuilds its index if it searches before migrating.
    /// </summary>
    public static readonly string CatchUpSql = $"""
        INSERT INTO message_fts (rowid, text, scope)
          SELECT {Cases.SearchNewestFirstSchema.Rowid("m.id")}, {Cases.SearchYoSchema.FoldedText("m.text")}, {Cases.SearchWordScopeSchema.Tokens(Cases.SearchYoSchema.FoldedText("m.text"), "c.body_id", "c.escalated_to_body_id")}
          FROM messages m LEFT JOIN cases c ON c.id = m.case_id
          WHERE m.id > (SELECT last_message_id FROM search_state WHERE id = 1) ORDER BY m.id DESC;
        {MoveWatermark}
        """;

    /// <summary>The catch-up of a store whose index has no scope column yet (before migration 18).</summary>
    private static readonly string CatchUpTextSql = $"""
        INSERT INTO message_fts (rowid, text)
          SELECT id, {Cases.SearchYoSchema.FoldedText("text")} FROM messages WHERE id > (SELECT last_message_id FROM search_state WHERE id = 1) ORDER BY id;
        {MoveWatermark}
        """;

    /// <summary>
    /// Merge work a transaction that indexed messages adds to FTS5's own: up to 64 pages of the merge in progress, or of
    /// a new one on a level that holds 4 segments ('usermerge'), else nothing. Each catch-up flushes its rows as a new
    /// segment, and FTS5's automatic merges, paid inside COMMIT, rewrite about as many pages as were written, too little
    /// for segments that must be rewritten once per level: after the bench's ingest runs the 1M-case store's index had 59
    /// segments (42 of them in one unfinished merge), and a query reads each of its terms in every segment. An executor's
    /// search (a prefix and two scope tokens) cost 2.2 ms of CPU there, 1.0 ms at the 10 segments this leaves after an
    /// ingest, 0.75 ms fully merged (sqlite3, 200 runs each). The work is done here, in the writer's own transaction:
    /// any merge takes SQLite's one write lock anyway, and a merger on a connection of its own would also make the
    /// writer's warm page cache start over after each of its commits.
    /// </summary>
    private const string MergeSql = "INSERT INTO message_fts (message_fts, rank) VALUES ('merge', 64)";

    private const string MoveWatermark = """
        UPDATE search_state SET last_message_id = (SELECT coalesce(max(id), 0) FROM messages)
          WHERE id = 1 AND last_message_id < (SELECT coalesce(max(id), 0) FROM messages);
        """;

    private const string Description = "search index: messages indexed per write transaction above a watermark, not per row";

    public static readonly Migration Sqlite = new(4, Description, """
        CREATE TABLE search_state (id INTEGER PRIMARY KEY CHECK (id = 1), last_message_id INTEGER NOT NULL);
        INSERT INTO search_state (id, last_message_id) SELECT 1, coalesce(max(id), 0) FROM messages;
        DROP TRIGGER messages_fts_insert;
        DROP TRIGGER messages_fts_delete;
        DROP TRIGGER messages_fts_update;
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
          WHEN old.id <= (SELECT last_message_id FROM search_state WHERE id = 1) BEGIN
          INSERT INTO message_fts (message_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages
          WHEN old.id <= (SELECT last_message_id FROM search_state WHERE id = 1) BEGIN
          INSERT INTO message_fts (message_fts, rowid, text) VALUES ('delete', old.id, old.text);
          INSERT INTO message_fts (rowid, text) VALUES (new.id, new.text); END;
        """);

    /// <summary>PostgreSQL's search column is generated with the row; its migration list keeps the same numbering.</summary>
    public static readonly Migration Postgres = new(4, "search index: nothing to change on PostgreSQL (generated tsvector)", "SELECT 1;");

    public static Task CatchUpAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        CatchUpAsync(connection, transaction, knownScoped: false, cancellationToken);

    /// <summary>
    /// The catch-up; returns whether the index has the scope column, so a caller that keeps the answer
    /// (<see cref="Cases.SqliteDialect"/>, once per write transaction) skips the look-up from then on: a store only gains it.
    /// </summary>
    public static async Task<bool> CatchUpAsync(DbConnection connection, DbTransaction transaction, bool knownScoped, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // A store opens only after migrating, but the tests of a migration write rows as an older release did, through
        // today's sessions, into an index without the scope column: the statement must fit the index it finds.
        var scoped = knownScoped;
        if (!scoped)
        {
            command.CommandText = "SELECT count(*) FROM pragma_table_info('message_fts') WHERE name = 'scope'";
            scoped = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }

        command.CommandText = scoped ? CatchUpSql : CatchUpTextSql;
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            command.CommandText = MergeSql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return scoped;
    }

    /// <summary>
    /// The index's segment count, from FTS5's structure record (row 10 of <c>message_fts_data</c>: a 4-byte cookie, then
    /// varints: levels, segments, …). A search reads each of its terms in every segment.
    /// </summary>
    internal static async Task<long> SegmentsAsync(Cases.CaseSession session, CancellationToken cancellationToken)
    {
        var blocks = await session.QueryAsync("SELECT block FROM message_fts_data WHERE id = 10", r => (byte[])r.GetValue(0), cancellationToken);
        if (blocks.Count == 0)
        {
            return 0;
        }

        var at = 4;
        _ = Varint(blocks[0], ref at);
        return Varint(blocks[0], ref at);
    }

    /// <summary>SQLite's varint: big-endian groups of 7 bits, the high bit set on all but the last; the ninth byte is whole.</summary>
    private static long Varint(byte[] bytes, ref int at)
    {
        long value = 0;
        for (var i = 0; i < 9; i++)
        {
            var b = bytes[at++];
            if (i == 8)
            {
                return (value << 8) | b;
            }

            value = (value << 7) | (long)(b & 0x7f);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        return value;
    }
}
