using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 21. PostgreSQL: the record of the last rebuild of the search index (<see cref="SearchIndexUpkeep"/>), one
/// row per index, so that a restarted server does not forget it and rebuild again, and another server process on the
/// same database sees it. Empty at first: a store's history before this migration is unknown, so its first check
/// rebuilds once it holds <see cref="SearchUpkeepOptions.MinNewMessages"/> messages. SQLite keeps its numbering with a
/// no-op: its index needs no rebuilds (each writer merges FTS5's segments, <see cref="Sqlite.SqliteSearchIndex"/>).
/// </summary>
internal static class SearchUpkeepSchema
{
    private const string Description = "search index upkeep: when each index was last rebuilt and at how many messages";

    public static readonly Migration Sqlite = new(21, Description + " (nothing to change on SQLite)", "SELECT 1;");

    public static readonly Migration Postgres = new(21, Description, """
        CREATE TABLE search_index_rebuilds (
          index_name text PRIMARY KEY,
          rebuilt_at timestamptz NOT NULL,
          messages bigint NOT NULL,
          seconds double precision NOT NULL);
        """);
}
