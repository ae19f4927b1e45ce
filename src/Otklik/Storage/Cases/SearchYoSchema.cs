using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 17 of both dialects: SQLite's full-text index folds "ё" to "е". FTS5's <c>unicode61</c> tokenizer removes
/// Latin diacritics only, so "колёса" was indexed as written while a search is folded (<see cref="SearchWords"/>):
/// "колёса" or "колеса" typed never found a text written with "ё", and "колеса" typed found only texts without it.
/// The index now reads the texts through a view that folds them (<see cref="FoldedText"/>), the same folding in the
/// catch-up, the triggers and FTS5's own <c>rebuild</c>, so what it is told to delete always matches what it holds. The
/// rebuild costs an existing store about 90 s of CPU per million messages, once. PostgreSQL's <c>russian</c> Snowball
/// stemmer folds "ё" itself, so it keeps the numbering with a no-op (the same test passes on both).
/// </summary>
internal static class SearchYoSchema
{
    private const string Description = "search index: ё folded to е in SQLite's index, as in the search";

    /// <summary>The text the index holds for a message text <paramref name="column"/>: "ё" and "Ё" folded.</summary>
    internal static string FoldedText(string column) => $"replace(replace({column}, 'ё', 'е'), 'Ё', 'Е')";

    public static readonly Migration Sqlite = new(17, Description, $"""
        CREATE VIEW message_search_text AS SELECT id, {FoldedText("text")} AS text FROM messages;
        DROP TRIGGER messages_fts_delete;
        DROP TRIGGER messages_fts_update;
        DROP TABLE message_fts;
        CREATE VIRTUAL TABLE message_fts USING fts5 (text, content='message_search_text', content_rowid='id', {SearchDetailSchema.Options});
        INSERT INTO message_fts (message_fts, rank) VALUES ('hashsize', 16777216);
        INSERT INTO message_fts (message_fts) VALUES ('rebuild');
        UPDATE search_state SET last_message_id = (SELECT coalesce(max(id), 0) FROM messages) WHERE id = 1;
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
          WHEN old.id <= (SELECT last_message_id FROM search_state WHERE id = 1) BEGIN
          INSERT INTO message_fts (message_fts, rowid, text) VALUES ('delete', old.id, {FoldedText("old.text")}); END;
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages
          WHEN old.id <= (SELECT last_message_id FROM search_state WHERE id = 1) BEGIN
          INSERT INTO message_fts (message_fts, rowid, text) VALUES ('delete', old.id, {FoldedText("old.text")});
          INSERT INTO message_fts (rowid, text) VALUES (new.id, {FoldedText("new.text")}); END;
        """);

    public static readonly Migration Postgres = new(17, Description + " (nothing to change on PostgreSQL: its stemmer folds ё)", "SELECT 1;");
}
