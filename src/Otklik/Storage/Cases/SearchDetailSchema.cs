using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 13 of both dialects. SQLite: the full-text index keeps no token positions (<c>detail=none</c>) and no
/// per-row token counts (<c>columnsize=0</c>), and buffers 16 MB of terms in memory before it writes a segment
/// (<c>hashsize</c>, stored in the index's config, so every writer uses it). Positions serve only phrase and NEAR
/// queries and ranking, and <see cref="SqliteDialect.SearchQuery"/> builds neither: it ANDs one-word prefix terms and
/// lists matches by rowid. Measured with sqlite3 3.40 on 200,000 imported messages: 41.6 s CPU and 113 MB of index
/// before, 16.0 s and 39 MB after, with the same first-page query times (1–4 ms). The bigger buffer writes fewer,
/// larger first segments, so the automatic merges rewrite the index fewer times. At a million messages the rebuild
/// this migration runs on an existing store takes about 90 s of CPU. PostgreSQL keeps its numbering with a no-op.
/// </summary>
internal static class SearchDetailSchema
{
    private const string Description = "search index: no positions or sizes, a 16 MB term buffer";

    /// <summary>The index's options, in one place for the migration and the tests that read them back.</summary>
    public const string Options = "tokenize='unicode61 remove_diacritics 2', prefix='3 4 5 6', detail=none, columnsize=0";

    public static readonly Migration Sqlite = new(13, Description, $"""
        DROP TABLE message_fts;
        CREATE VIRTUAL TABLE message_fts USING fts5 (text, content='messages', content_rowid='id', {Options});
        INSERT INTO message_fts (message_fts, rank) VALUES ('hashsize', 16777216);
        INSERT INTO message_fts (message_fts) VALUES ('rebuild');
        UPDATE search_state SET last_message_id = (SELECT coalesce(max(id), 0) FROM messages) WHERE id = 1;
        """);

    public static readonly Migration Postgres = new(13, Description + " (nothing to change on PostgreSQL)", "SELECT 1;");
}
