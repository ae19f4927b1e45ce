using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 23. SQLite: the full-text index keys each message by its id negated (<see cref="Rowid"/>), so its rowid
/// order is newest first. Every search reads the newest matches first, and FTS5 walks a doclist backwards at a cost: it
/// decodes each page forwards to find where its rows start, then steps back through them. Measured with sqlite3 3.40 on
/// the 1.33M-message bench store (one segment), an executor's search (a prefix AND two scope tokens, 603 matches) read
/// in 2.97 ms instead of 3.99, its first window of 204 in 0.37 ms instead of 0.85; a probe of one message costs the same.
/// <para>
/// The index's view gives <c>-m.id</c> as its id, and the catch-up, the triggers and the migration's own fill give the
/// same, so what FTS5 is told to delete always matches what it holds. The fill inserts in descending message id, which
/// is ascending rowid: FTS5 writes a segment whenever a rowid is not above the last one it was given in a transaction.
/// FTS5's own <c>rebuild</c> and <c>integrity-check</c> read the view ordered by its id, which is a sort of every
/// message, and a lookup of one row by id (only auxiliary functions and column reads use one; the list reads neither) a
/// scan: the migration fills the index by INSERT … SELECT instead of <c>rebuild</c>, and nothing else calls them but tests.
/// Processing pending messages attaches them to cases, and the trigger re-indexes each: an UPDATE of many rows goes in
/// ascending rowid whatever its source's order, which is now descending in the index, and FTS5 wrote a segment every
/// few rows (10 for 40 messages). So the attach inserts into the view <c>message_attach</c>, ordered by id descending,
/// and its INSTEAD OF trigger updates each message in that order: one segment per batch, as before.
/// PostgreSQL keeps its numbering with a no-op: a GIN bitmap has no order.
/// </para>
/// </summary>
internal static class SearchNewestFirstSchema
{
    private const string Description = "search index: messages keyed by their id negated, so the index reads newest first";

    /// <summary>The index's rowid of the message id <paramref name="id"/> (an expression), and the message id of a rowid.</summary>
    public static string Rowid(string id) => $"-{id}";

    private const string Watermark = "(SELECT last_message_id FROM search_state WHERE id = 1)";

    private static readonly string Folded = SearchYoSchema.FoldedText("m.text");

    private static readonly string Scope = SearchScopeSchema.SqliteTokens("c.body_id", "c.escalated_to_body_id");

    public static readonly Migration Sqlite = new(23, Description, $"""
        DROP TRIGGER messages_fts_delete;
        DROP TRIGGER messages_fts_update;
        DROP TRIGGER cases_fts_scope;
        DROP TABLE message_fts;
        DROP VIEW message_search_text;
        CREATE VIEW message_search_text AS
          SELECT {Rowid("m.id")} AS id, {Folded} AS text, {Scope} AS scope
          FROM messages m LEFT JOIN cases c ON c.id = m.case_id;
        CREATE VIRTUAL TABLE message_fts USING fts5 (text, scope, content='message_search_text', content_rowid='id', {SearchDetailSchema.Options});
        INSERT INTO message_fts (message_fts, rank) VALUES ('hashsize', 16777216);
        INSERT INTO message_fts (rowid, text, scope)
          SELECT {Rowid("m.id")}, {Folded}, {Scope} FROM messages m LEFT JOIN cases c ON c.id = m.case_id
          WHERE m.id <= {Watermark} ORDER BY m.id DESC;
        INSERT INTO message_fts (message_fts) VALUES ('optimize');
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
          WHEN old.id <= {Watermark} BEGIN
          INSERT INTO message_fts (message_fts, rowid, text, scope)
            VALUES ('delete', {Rowid("old.id")}, {SearchYoSchema.FoldedText("old.text")}, {SearchScopeSchema.SqliteTokensOfCase("old.case_id")}); END;
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, case_id ON messages
          WHEN old.id <= {Watermark} AND (old.text IS NOT new.text OR old.case_id IS NOT new.case_id) BEGIN
          INSERT INTO message_fts (message_fts, rowid, text, scope)
            VALUES ('delete', {Rowid("old.id")}, {SearchYoSchema.FoldedText("old.text")}, {SearchScopeSchema.SqliteTokensOfCase("old.case_id")});
          INSERT INTO message_fts (rowid, text, scope)
            VALUES ({Rowid("new.id")}, {SearchYoSchema.FoldedText("new.text")}, {SearchScopeSchema.SqliteTokensOfCase("new.case_id")}); END;
        CREATE TRIGGER cases_fts_scope AFTER UPDATE OF body_id, escalated_to_body_id ON cases
          WHEN old.body_id IS NOT new.body_id OR old.escalated_to_body_id IS NOT new.escalated_to_body_id BEGIN
          INSERT INTO message_fts (message_fts, rowid, text, scope)
            SELECT 'delete', {Rowid("m.id")}, {Folded}, {SearchScopeSchema.SqliteTokens("old.body_id", "old.escalated_to_body_id")}
            FROM messages m WHERE m.case_id = old.id AND m.id <= {Watermark} ORDER BY m.id DESC;
          INSERT INTO message_fts (rowid, text, scope)
            SELECT {Rowid("m.id")}, {Folded}, {SearchScopeSchema.SqliteTokens("new.body_id", "new.escalated_to_body_id")}
            FROM messages m WHERE m.case_id = new.id AND m.id <= {Watermark} ORDER BY m.id DESC; END;
        CREATE VIEW message_attach (id, case_id) AS SELECT id, case_id FROM messages WHERE 0;
        CREATE TRIGGER message_attach_insert INSTEAD OF INSERT ON message_attach BEGIN
          UPDATE messages SET case_id = new.case_id WHERE id = new.id; END;
        """);

    public static readonly Migration Postgres = new(23, Description + " (nothing to change on PostgreSQL)", "SELECT 1;");
}
