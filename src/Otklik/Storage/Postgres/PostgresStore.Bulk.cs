using System.Data.Common;
using Npgsql;
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
            objects.Add(new BulkObject("trigger", name, table, sql, $"DROP TRIGGER {Quote(name)} ON {Quote(table)}"));
        }

        return objects;
    }

    protected override async Task<bool> WindowTableExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT to_regclass('bulk_window') IS NOT NULL");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

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
