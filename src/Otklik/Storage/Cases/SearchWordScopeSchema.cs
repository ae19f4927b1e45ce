using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 24. SQLite: the search index's scope column holds one token per word and body that may see the message
/// (<see cref="Otklik.Storage.Sqlite.SqliteScopeWords"/>: <c>\uE000b7фонари</c>), where migration 18 gave it one token per body. An
/// executor's search asks for its bodies' words (<see cref="SqliteScoped"/>) and reads only their matches: before, it
/// ANDed the body's token with the word's doclist over all messages, and FTS5 decoded that doclist entry by entry. On the
/// bench store after an ingest, body 7's 1,115 matches of <c>фонари</c> among 255,000: counted in 0.20 ms instead of
/// 2.78, walked with their cases in 1.22 ms instead of 3.89 (bench/server/fts-word-scope.py). The index's data about
/// doubles, and so does FTS5's work for every message written.
/// <para>
/// Everything else is as migration 23 left it: keyed by message id negated, the same triggers and catch-up with the
/// scope computed by the function of the folded text, the owner and the escalation body (every path gives it the same
/// values, so a delete matches what was inserted). PostgreSQL keeps its numbering with a no-op: its GIN index answers a
/// scoped search from the scope lexemes' short lists (bench/README.md, session 17).
/// </para>
/// </summary>
internal static class SearchWordScopeSchema
{
    private const string Description = "search index: the scope column holds a token per word and body that may see the message";

    private const string Watermark = "(SELECT last_message_id FROM search_state WHERE id = 1)";

    private static readonly string Folded = SearchYoSchema.FoldedText("m.text");

    /// <summary>SQLite: the scope tokens of the folded text <paramref name="folded"/> in a case owned by <paramref name="body"/> and escalated to <paramref name="escalated"/>.</summary>
    public static string Tokens(string folded, string body, string escalated) => $"{Otklik.Storage.Sqlite.SqliteScopeWords.Function}({folded}, {body}, {escalated})";

    /// <summary>SQLite: the scope tokens of the text <paramref name="text"/> in the case <paramref name="caseId"/>, none without one.</summary>
    public static string TokensOfCase(string text, string caseId) =>
        $"(SELECT {Tokens(SearchYoSchema.FoldedText(text), "c.body_id", "c.escalated_to_body_id")} FROM cases c WHERE c.id = {caseId})";

    /// <summary>
    /// SQLite: an FTS5 query for <paramref name="search"/> (<see cref="SqliteDialect.SearchQuery"/>: quoted words, a
    /// star after a prefix) in the messages of <paramref name="bodies"/>' cases: each word becomes its scoped tokens,
    /// owner or escalation, the star kept.
    /// </summary>
    public static string SqliteScoped(string search, IReadOnlyList<long> bodies) =>
        string.Join(" AND ", Terms.Matches(search).Select(term => "(" + string.Join(" OR ", bodies.SelectMany(b => new[] { 'b', 'e' }.Select(kind =>
            $"\"{Otklik.Storage.Sqlite.SqliteScopeWords.Prefix(kind, b)}{term.Groups[1].Value}\"{term.Groups[2].Value}"))) + ")"));

    private static readonly System.Text.RegularExpressions.Regex Terms = new("\"([^\"]*)\"(\\*?)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static readonly Migration Sqlite = new(24, Description, $"""
        DROP TRIGGER messages_fts_delete;
        DROP TRIGGER messages_fts_update;
        DROP TRIGGER cases_fts_scope;
        DROP TABLE message_fts;
        DROP VIEW message_search_text;
        CREATE VIEW message_search_text AS
          SELECT {SearchNewestFirstSchema.Rowid("m.id")} AS id, {Folded} AS text, {Tokens(Folded, "c.body_id", "c.escalated_to_body_id")} AS scope
          FROM messages m LEFT JOIN cases c ON c.id = m.case_id;
        CREATE VIRTUAL TABLE message_fts USING fts5 (text, scope, content='message_search_text', content_rowid='id', {SearchDetailSchema.Options});
        INSERT INTO message_fts (message_fts, rank) VALUES ('hashsize', 16777216);
        INSERT INTO message_fts (rowid, text, scope)
          SELECT {SearchNewestFirstSchema.Rowid("m.id")}, {Folded}, {Tokens(Folded, "c.body_id", "c.escalated_to_body_id")}
          FROM messages m LEFT JOIN cases c ON c.id = m.case_id
          WHERE m.id <= {Watermark} ORDER BY m.id DESC;
        INSERT INTO message_fts (message_fts) VALUES ('optimize');
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
          WHEN old.id <= {Watermark} BEGIN
          INSERT INTO message_fts (message_fts, rowid, text, scope)
            VALUES ('delete', {SearchNewestFirstSchema.Rowid("old.id")}, {SearchYoSchema.FoldedText("old.text")}, {TokensOfCase("old.text", "old.case_id")}); END;
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, case_id ON messages
          WHEN old.id <= {Watermark} AND (old.text IS NOT new.text OR old.case_id IS NOT new.case_id) BEGIN
          INSERT INTO message_fts (message_fts, rowid, text, scope)
            VALUES ('delete', {SearchNewestFirstSchema.Rowid("old.id")}, {SearchYoSchema.FoldedText("old.text")}, {TokensOfCase("old.text", "old.case_id")});
          INSERT INTO message_fts (rowid, text, scope)
            VALUES ({SearchNewestFirstSchema.Rowid("new.id")}, {SearchYoSchema.FoldedText("new.text")}, {TokensOfCase("new.text", "new.case_id")}); END;
        CREATE TRIGGER cases_fts_scope AFTER UPDATE OF body_id, escalated_to_body_id ON cases
          WHEN old.body_id IS NOT new.body_id OR old.escalated_to_body_id IS NOT new.escalated_to_body_id BEGIN
          INSERT INTO message_fts (message_fts, rowid, text, scope)
            SELECT 'delete', {SearchNewestFirstSchema.Rowid("m.id")}, {Folded}, {Tokens(Folded, "old.body_id", "old.escalated_to_body_id")}
            FROM messages m WHERE m.case_id = old.id AND m.id <= {Watermark} ORDER BY m.id DESC;
          INSERT INTO message_fts (rowid, text, scope)
            SELECT {SearchNewestFirstSchema.Rowid("m.id")}, {Folded}, {Tokens(Folded, "new.body_id", "new.escalated_to_body_id")}
            FROM messages m WHERE m.case_id = new.id AND m.id <= {Watermark} ORDER BY m.id DESC; END;
        """);

    public static readonly Migration Postgres = new(24, Description + " (nothing to change on PostgreSQL)", "SELECT 1;");
}
