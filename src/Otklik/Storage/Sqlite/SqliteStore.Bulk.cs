using System.Data.Common;
using System.Text.RegularExpressions;
using Otklik.Errors;
using Otklik.Storage.Sql;

namespace Otklik.Storage.Sqlite;

/// <summary>
/// SQLite's part of a bulk load. The window keeps WAL mode and synchronous = NORMAL, SQLite's crash-safe settings: a
/// crash loses at most the last commits and never corrupts the file; sorts spill to disk while it is open.
/// The bulk lock is an exclusive lock on a file beside the database, released by the OS when the process dies.
/// Foreign keys are not enforced on the window's connections (see <see cref="OpenConnectionAsync"/>), so the indexes
/// that lead with a foreign key's child column, which SQLite needs only to enforce them, are dropped and rebuilt like the
/// others. The window's end runs <c>PRAGMA foreign_key_check</c> on the loaded tables before it commits the rows as
/// queryable (0.7 s at 200,000 messages). At 1M, against keeping those indexes live with keys off: rows 42.3 s +
/// indexes 41.2 s against 66.7 s + 28.8 s (bench/README.md).
/// </summary>
internal sealed partial class SqliteStore
{
    private const string ListIndexes = """
        SELECT m.name, m.tbl_name, m.sql FROM sqlite_master m
        WHERE m.type = 'index' AND m.sql IS NOT NULL AND m.tbl_name IN ('messages', 'cases', 'case_events')
          AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.tbl_name) l WHERE l.name = m.name AND l."unique" = 1)
        ORDER BY m.name
        """;

    private const string ListTriggers = """
        SELECT name, tbl_name, sql FROM sqlite_master
        WHERE type = 'trigger' AND tbl_name IN ('messages', 'cases', 'case_events') ORDER BY name
        """;

    protected override Task<IAsyncDisposable?> TryHoldBulkLockAsync(CancellationToken cancellationToken)
    {
        try
        {
            var file = new FileStream(Description + "-bulk.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return Task.FromResult<IAsyncDisposable?>(file);
        }
        catch (IOException)
        {
            return Task.FromResult<IAsyncDisposable?>(null);
        }
    }

    protected override async Task<List<BulkObject>> ListBulkObjectsAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var objects = new List<BulkObject>();
        foreach (var (name, table, sql) in await ReadTriplesAsync(connection, transaction, ListIndexes, cancellationToken).ConfigureAwait(false))
        {
            objects.Add(new BulkObject("index", name, table, sql, $"DROP INDEX \"{name}\""));
        }

        foreach (var (name, table, sql) in await ReadTriplesAsync(connection, transaction, ListTriggers, cancellationToken).ConfigureAwait(false))
        {
            if (FiresOnInsert().IsMatch(sql))
            {
                objects.Add(new BulkObject("trigger", name, table, sql, $"DROP TRIGGER \"{name}\""));
            }
        }

        return objects;
    }

    protected override async Task<bool> WindowTableExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'bulk_window'");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    /// <remarks>
    /// The index's own settings make this cheap (migration 13, <see cref="Cases.SearchDetailSchema"/>): no positions,
    /// no sizes, a 16 MB term buffer. A 16 MB buffer set for this statement alone was tried on the old index with
    /// positions and taken back after a 1M import under load measured worse; see bench/README.md for the quiet figures.
    /// </remarks>
    protected override Task CompleteSearchAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        SqliteSearchIndex.CatchUpAsync(connection, transaction, cancellationToken);

    /// <remarks>What an enforced key would have refused is refused here: the stage rolls back and the window stays open.</remarks>
    protected override async Task CheckConstraintsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var table in BulkTables)
        {
            await using var check = connection.Command($"PRAGMA foreign_key_check({table})", transaction);
            check.CommandTimeout = 0;
            await using var reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new OtklikException(
                    $"The bulk load left {table} row {reader.GetInt64(1)} referring to a missing row of {reader.GetString(2)}.",
                    "Another writer deleted it while the import ran; restore it or delete the row, then open the store again.");
            }
        }
    }

    // "AFTER INSERT ON t", "BEFORE INSERT ON t", "INSTEAD OF INSERT ON t"; not "AFTER UPDATE OF x ON t".
    [GeneratedRegex(@"\bINSERT\s+ON\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FiresOnInsert();
}
