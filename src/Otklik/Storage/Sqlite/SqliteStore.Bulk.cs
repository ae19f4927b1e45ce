using System.Data.Common;
using System.Text.RegularExpressions;
using Otklik.Storage.Sql;

namespace Otklik.Storage.Sqlite;

/// <summary>
/// SQLite's part of a bulk load. The window keeps WAL mode and synchronous = NORMAL, SQLite's crash-safe settings: a
/// crash loses at most the last commits and never corrupts the file; sorts spill to disk while it is open.
/// The bulk lock is an exclusive lock on a file beside the database, released by the OS when the process dies.
/// Foreign keys stay on: their lookups are cheap here, and checking them again afterwards would cost as much. So an
/// index that leads with a foreign key's child column stays too: SQLite looks for children through it whenever a parent
/// row is inserted (the import writes each message before its case, a deferred key), which without it is a table scan
/// per row.
/// </summary>
internal sealed partial class SqliteStore
{
    private const string ListIndexes = """
        SELECT m.name, m.tbl_name, m.sql FROM sqlite_master m
        WHERE m.type = 'index' AND m.sql IS NOT NULL AND m.tbl_name IN ('messages', 'cases', 'case_events')
          AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.tbl_name) l WHERE l.name = m.name AND l."unique" = 1)
          AND NOT EXISTS (SELECT 1 FROM pragma_index_info(m.name) i JOIN pragma_foreign_key_list(m.tbl_name) f ON f."from" = i.name
                          WHERE i.seqno = 0)
        ORDER BY m.name
        """;

    private const long BulkFtsHashSize = 16L << 20;
    private const long DefaultFtsHashSize = 1L << 20;

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
    /// FTS5 writes its pending terms out as a new segment whenever they pass <c>hashsize</c> (1 MB by default), and
    /// merges segments as they pile up; indexing a million texts in one statement made thousands of segments. With
    /// 16 MB the merging shrinks: on 200,000 messages (sqlite3 3.40, the same FTS5 table) 32.1 s CPU with the default,
    /// 24.8 s with 32 MB, at about 50 MB more memory. The setting is stored in the index's config, so the default is
    /// put back in the same transaction: normal writers index a few rows per transaction and need no more.
    /// </remarks>
    protected override async Task CompleteSearchAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await SetFtsHashSizeAsync(connection, transaction, BulkFtsHashSize, cancellationToken).ConfigureAwait(false);
        await SqliteSearchIndex.CatchUpAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await SetFtsHashSizeAsync(connection, transaction, DefaultFtsHashSize, cancellationToken).ConfigureAwait(false);
    }

    private static async Task SetFtsHashSizeAsync(DbConnection connection, DbTransaction transaction, long bytes, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("INSERT INTO message_fts (message_fts, rank) VALUES ('hashsize', @bytes)", transaction);
        command.Add("@bytes", bytes);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // "AFTER INSERT ON t", "BEFORE INSERT ON t", "INSTEAD OF INSERT ON t"; not "AFTER UPDATE OF x ON t".
    [GeneratedRegex(@"\bINSERT\s+ON\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FiresOnInsert();
}
