using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 21. PostgreSQL: the record of the last rebuild of the search index (<see cref="SearchIndexUpkeep"/>), one
/// row per index, so that a restarted server does not forget it and rebuild again, and another server process on the
/// same database sees it. Empty at first: a store's history before this migration is unknown, so its first check
/// rebuilds once it holds <see cref="SearchUpkeepOptions.MinNewMessages"/> messages. SQLite kept its numbering with a
/// no-op; it got the same table in migration 22, when its upkeep began to merge the FTS5 index.
/// </summary>
internal static class SearchUpkeepSchema
{
    private const string Description = "search index upkeep: when each index was last rebuilt and at how many messages";

    public static readonly Migration Sqlite = new(21, Description + " (nothing to change on SQLite)", "SELECT 1;");

    /// <summary>
    /// Migration 22. SQLite gets the same record: its upkeep merges the FTS5 index into one segment under the same rule
    /// (<see cref="SearchIndexUpkeep"/>). PostgreSQL has it since 21.
    /// </summary>
    public static readonly Migration SqliteRecord = new(22, "search index upkeep on SQLite: when the full-text index was last merged and at how many messages", """
        CREATE TABLE search_index_rebuilds (
          index_name TEXT PRIMARY KEY,
          rebuilt_at TEXT NOT NULL,
          messages INTEGER NOT NULL,
          seconds REAL NOT NULL);
        """);

    public static readonly Migration PostgresRecord = new(22, "search index upkeep on SQLite (nothing to change on PostgreSQL: migration 21)", "SELECT 1;");

    public static readonly Migration Postgres = new(21, Description, """
        CREATE TABLE search_index_rebuilds (
          index_name text PRIMARY KEY,
          rebuilt_at timestamptz NOT NULL,
          messages bigint NOT NULL,
          seconds double precision NOT NULL);
        """);
}
