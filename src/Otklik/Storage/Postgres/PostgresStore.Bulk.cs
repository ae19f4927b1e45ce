using System.Data.Common;
using System.Globalization;
using Npgsql;
using Otklik.Storage.Cases;
using Otklik.Storage.Sql;

namespace Otklik.Storage.Postgres;

/// <summary>
/// PostgreSQL's part of a bulk load: besides the secondary indexes (the GIN index of the search vectors among them)
/// and the known insert triggers, the loaded tables' foreign keys are dropped, because each checks its row with a
/// per-row trigger, and added back at the end, validated by one join each. The bulk lock is a session advisory lock
/// on a connection of its own, released by the server when the process dies.
/// </summary>
internal sealed partial class PostgresStore
{
    private const long BulkLockKey = 0x4f746b6c696b02;

    // Rows per UPDATE of the search-vector fill: about 20 MB of text, a few seconds of one core.
    private const long FillChunk = 20_000;

    private static readonly int FillConnections = Math.Clamp(Environment.ProcessorCount, 1, 4);

    private const string Tables = "ARRAY['messages', 'cases', 'case_events']";

    private const string ListIndexes = $"""
        SELECT i.relname, t.relname, pg_get_indexdef(i.oid)
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY({Tables})
          AND NOT x.indisunique AND NOT x.indisprimary
        ORDER BY i.relname
        """;

    private const string ListConstraints = $"""
        SELECT c.conname, t.relname, pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY({Tables})
        ORDER BY c.conname
        """;

    // tgtype bit 2 (4) is INSERT.
    private const string ListTriggers = $"""
        SELECT g.tgname, t.relname, pg_get_triggerdef(g.oid)
        FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
        WHERE NOT g.tgisinternal AND (g.tgtype & 4) <> 0
          AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY({Tables})
        ORDER BY g.tgname
        """;

    /// <summary>
    /// One writer per core (at most 4). Each computes the search vectors of its rows in its own backend through the
    /// live trigger, so the load's dominant cost, to_tsvector, runs on every core and every row is written once; with
    /// the trigger dropped and the vectors filled afterwards each row was written twice (20,000 rows: 1.6 s to compute
    /// the vectors, 3.0–4.7 s to UPDATE them in).
    /// </summary>
    protected override int BulkWriters => Math.Clamp(Environment.ProcessorCount, 1, 4);

    protected override bool IsWriteConflict(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected };

    protected override async Task<IAsyncDisposable?> TryHoldBulkLockAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({BulkLockKey})", connection);
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return new AdvisoryLock(connection);
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    protected override async Task<List<BulkObject>> ListBulkObjectsAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var objects = new List<BulkObject>();
        foreach (var (name, table, sql) in await ReadTriplesAsync(connection, transaction, ListIndexes, cancellationToken).ConfigureAwait(false))
        {
            objects.Add(new BulkObject("index", name, table, sql, $"DROP INDEX {Quote(name)}"));
        }

        foreach (var (name, table, sql) in await ReadTriplesAsync(connection, transaction, ListConstraints, cancellationToken).ConfigureAwait(false))
        {
            objects.Add(new BulkObject(
                "constraint", name, table, $"ALTER TABLE {Quote(table)} ADD CONSTRAINT {Quote(name)} {sql}", $"ALTER TABLE {Quote(table)} DROP CONSTRAINT {Quote(name)}"));
        }

        foreach (var (name, table, sql) in await ReadTriplesAsync(connection, transaction, ListTriggers, cancellationToken).ConfigureAwait(false))
        {
            if (name == SearchVectorSchema.Trigger)
            {
                // Stays live: the parallel writers compute the vectors as they copy (BulkWriters). A window an older
                // Otklik left with it dropped is still closed by the fill below.
                continue;
            }

            objects.Add(new BulkObject("trigger", name, table, sql, $"DROP TRIGGER {Quote(name)} ON {Quote(table)}"));
        }

        return objects;
    }

    protected override async Task<bool> WindowTableExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT to_regclass('bulk_window') IS NOT NULL");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Fills the search vectors of the loaded messages (the trigger that computes them is dropped in the window) before
    /// any dropped index is rebuilt (an UPDATE that cannot stay on its page adds an entry to every index of the table:
    /// with only the unique ones, 20,000 rows took 3.0 s instead of 4.7 s) and before the GIN index over them: id ranges of <see cref="FillChunk"/> rows, one UPDATE each, on one connection
    /// per core. Computing a vector costs about as much as copying its row, and one COPY runs on one backend, so this is
    /// where a bulk load uses the second core. Each range commits (without waiting for the WAL flush, as the import
    /// batches do) and skips filled rows, so the window's end after a crash goes on where this stopped.
    /// </summary>
    protected override async Task FillBeforeSearchIndexesAsync(IReadOnlyList<BulkObject> window, CancellationToken cancellationToken)
    {
        if (!window.Any(w => w.Kind == "trigger" && w.Name == SearchVectorSchema.Trigger)
            || window.FirstOrDefault(w => w.Kind == "mark" && w.Name == "messages") is not { } mark)
        {
            return;
        }

        long last;
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var max = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM messages", connection))
        {
            last = (long)(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var next = long.Parse(mark.CreateSql, CultureInfo.InvariantCulture);
        var nextLock = new Lock();
        async Task WorkAsync()
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                long from;
                lock (nextLock)
                {
                    from = next;
                    next += FillChunk;
                }

                if (from >= last)
                {
                    return;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (var sync = new NpgsqlCommand("SET LOCAL synchronous_commit TO OFF", connection, transaction))
                {
                    await sync.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using (var update = new NpgsqlCommand(
                    SearchScopeSchema.FillVectors("m.id > @from AND m.id <= @to"),
                    connection,
                    transaction))
                {
                    update.CommandTimeout = 0;
                    update.Parameters.AddWithValue("from", from);
                    update.Parameters.AddWithValue("to", from + FillChunk);
                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, FillConnections).Select(_ => Task.Run(WorkAsync, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds the GIN index of the search vectors on a connection of its own while the first stage of closing rebuilds
    /// the B-tree indexes: PostgreSQL 15 builds a GIN index on one core, so this puts the second core to work. Both hold
    /// SHARE locks on messages, which do not conflict; the first stage's foreign keys and triggers (SHARE ROW EXCLUSIVE)
    /// wait for this transaction, which takes no other lock, so the two cannot deadlock.
    /// </summary>
    protected override async Task BuildSearchIndexesAsync(IReadOnlyList<BulkObject> window, CancellationToken cancellationToken)
    {
        foreach (var index in window.Where(w => w.Kind == "index" && IsSearchObject(w.Kind, w.Name, w.CreateSql)))
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "SET LOCAL maintenance_work_mem = '256MB'", cancellationToken).ConfigureAwait(false);
            await using (var create = new NpgsqlCommand(index.CreateSql, connection, transaction))
            {
                create.CommandTimeout = 0;
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var forget = new NpgsqlCommand("DELETE FROM bulk_window WHERE kind = 'index' AND name = @name", connection, transaction))
            {
                forget.Parameters.AddWithValue("name", index.Name);
                await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool IsSearchObject(string kind, string name, string createSql) => kind switch
    {
        "trigger" => name == SearchVectorSchema.Trigger,
        "index" => name == SearchVectorSchema.Index,
        _ => false,
    };

    protected override Task BeforeCloseAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "SET LOCAL maintenance_work_mem = '256MB'", cancellationToken);

    protected override async Task AfterCloseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var analyze = connection.Command("ANALYZE messages, cases, case_events");
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Explicitly: the pooled connection outlives this lock, and a session lock would go with it.
                await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({BulkLockKey})", connection);
                await unlock.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
