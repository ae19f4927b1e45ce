using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 12 of both dialects. PostgreSQL: the search vector <c>messages.tsv</c> was a generated column, computed
/// per row inside every COPY on the one backend that runs it; a bulk load of a million messages spent most of its row
/// phase there (175 s of 260 s). Now it is a plain column that a trigger fills for every insert and text update (so
/// every writer, the import, the server's ingest and retention, stays as it was), and a bulk-load window drops the trigger
/// and fills the loaded rows set-based, on several connections, before the GIN index is built
/// (<see cref="BulkDerivedState"/>). The existing values are kept. SQLite keeps its numbering with a no-op: its full-text
/// index is FTS5 with its own watermark (<see cref="Sqlite.SqliteSearchIndex"/>).
/// </summary>
internal static class SearchVectorSchema
{
    private const string Description = "search vector: a column filled by a trigger instead of a generated column";

    /// <summary>The trigger's name; <see cref="BulkDerivedState"/> knows how to recompute its column.</summary>
    public const string Trigger = "messages_search_vector";

    /// <summary>
    /// The GIN index over the column (created with it in migration 5): a bulk load builds it in its search stage. Told
    /// apart by name, like the trigger, not by the shape of its definition, which can change.
    /// </summary>
    public const string Index = "messages_tsv";

    /// <summary>How the column is computed, in one place: the trigger and the bulk fill must agree.</summary>
    public const string VectorOfText = "to_tsvector('russian', text)";

    /// <summary><see cref="VectorOfText"/> of another expression for the text (<c>NEW.text</c> in a trigger, <c>m.text</c> in a join).</summary>
    public static string VectorOf(string text) => $"to_tsvector('russian', {text})";

    public static readonly Migration Sqlite = new(12, Description + " (nothing to change on SQLite)", "SELECT 1;");

    public static readonly Migration Postgres = new(12, Description, $"""
        ALTER TABLE messages ALTER COLUMN tsv DROP EXPRESSION;
        CREATE FUNCTION messages_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN NEW.tsv := to_tsvector('russian', NEW.text); RETURN NEW; END $$;
        CREATE TRIGGER {Trigger} BEFORE INSERT OR UPDATE OF text ON messages
          FOR EACH ROW EXECUTE FUNCTION messages_search_vector();
        """);
}
