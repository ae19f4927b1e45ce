using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 10 of both dialects. SQLite: the full-text index gets prefix indexes of 3 to 6 characters, the lengths
/// <see cref="SqliteDialect"/> cuts search stems to. Without them FTS5 answers a prefix term by merging the doclists of
/// every word it starts (17 ms for "фонар*" at a million messages, however few rows are wanted); with them it walks one
/// doclist newest first and stops at the page (0.5 ms). Rebuilding the index takes about 15 s per million short
/// messages. PostgreSQL keeps its numbering with a no-op: its search column needs nothing.
/// </summary>
internal static class SearchPrefixSchema
{
    private const string Description = "search index: prefix indexes for the search stems";

    public static readonly Migration Sqlite = new(10, Description, """
        DROP TABLE message_fts;
        CREATE VIRTUAL TABLE message_fts USING fts5 (text, content='messages', content_rowid='id',
          tokenize='unicode61 remove_diacritics 2', prefix='3 4 5 6');
        INSERT INTO message_fts (message_fts) VALUES ('rebuild');
        UPDATE search_state SET last_message_id = (SELECT coalesce(max(id), 0) FROM messages) WHERE id = 1;
        """);

    public static readonly Migration Postgres = new(10, Description + " (nothing to change on PostgreSQL)", "SELECT 1;");
}
