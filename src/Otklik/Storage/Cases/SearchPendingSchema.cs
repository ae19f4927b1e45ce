using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 19. PostgreSQL: the GIN index of <c>messages.tsv</c> keeps at most 512 kB of new entries unsorted (its
/// pending list) instead of the server's default 4 MB. Every query that uses the index reads the whole pending list,
/// and an executor's search always uses it (its words ANDed with its bodies' scope lexemes): after an ingest left 437
/// pending pages, that search cost 28–32 ms of database CPU per request against 14 with a 512 kB list (20–53 pages),
/// copies of one store taking the same ingest on a busy host (figures to compare, not to quote); 6.4 ms on a quiet host
/// once a vacuum had emptied the list. The ingest paid about the same per message either way (186 against 189–194 ms
/// of database CPU per 1,000): a smaller list is merged into the index more often, in smaller pieces. A search that reads the primary key backwards (a common word, unscoped) never reads the list.
/// SQLite keeps its numbering with a no-op (its index has segments instead, kept merged by the catch-up, <see cref="Sqlite.SqliteSearchIndex"/>).
/// </summary>
internal static class SearchPendingSchema
{
    private const string Description = "search index: a 512 kB GIN pending list, which every indexed search reads";

    public static readonly Migration Sqlite = new(19, Description + " (nothing to change on SQLite)", "SELECT 1;");

    public static readonly Migration Postgres = new(19, Description, "ALTER INDEX messages_tsv SET (gin_pending_list_limit = 512);");
}
