using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Otklik.Errors;

namespace Otklik.Storage.Sql;

/// <summary>
/// Bulk-load windows. Opening one reads the loaded tables' secondary indexes, foreign keys and insert triggers from the
/// catalog (not from a list in the code, so indexes and triggers that later migrations add are handled too), records
/// how to recreate each in <c>bulk_window</c> and drops them, in one transaction. Closing it recreates them from that
/// table and recomputes set-based what the dropped triggers keep (<see cref="BulkDerivedState"/>), in one transaction.
/// A process that dies inside the window leaves <c>bulk_window</c> behind; the next opening of the store that can take
/// the bulk lock (nobody is loading) closes the window, so the store is whole again, and the import run again skips
/// what was committed (the unique key on (channel, external id) is never dropped) and completes the rest.
/// </summary>
internal abstract partial class SqlStore
{
    /// <summary>The tables an import writes; only their indexes and triggers are dropped.</summary>
    protected static readonly string[] BulkTables = ["messages", "cases", "case_events"];

    private const string WindowTable =
        "CREATE TABLE IF NOT EXISTS bulk_window (position bigint PRIMARY KEY, kind text NOT NULL, name text NOT NULL, create_sql text NOT NULL)";

    private volatile bool _bulkLoading;
    private BatchTurns _batchTurns = new();

    /// <summary>How many import batches a bulk load may write at once (see <see cref="BulkLoad.Writers"/>).</summary>
    protected virtual int BulkWriters => 1;

    /// <summary>True in this process while it holds an open bulk-load window.</summary>
    protected bool BulkLoading => _bulkLoading;

    public async Task<BulkLoad> BeginBulkLoadAsync(CancellationToken cancellationToken)
    {
        var holder = await TryHoldBulkLockAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new OtklikException(
                $"Another bulk import into {Description} is running.", "Wait for it to finish, or import without bulk mode (--bulk off).");
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, WindowTable, cancellationToken).ConfigureAwait(false);
            var objects = await ListBulkObjectsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var kept = objects.Where(o => o.Kind == "trigger" && !BulkDerivedState.Knows(o.Name)).Select(o => o.Name).ToList();
            if (await ReadWindowAsync(connection, transaction, cancellationToken).ConfigureAwait(false) is [])
            {
                // A window left by a crash is simply continued: its marks are lower, so its end recomputes a little more.
                var position = 0;
                foreach (var table in BulkTables)
                {
                    await using var max = connection.Command($"SELECT coalesce(max(id), 0) FROM {table}", transaction);
                    var id = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                    await RecordAsync(connection, transaction, position++, "mark", table, id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                }

                foreach (var o in objects.Where(o => o.Kind != "trigger" || BulkDerivedState.Knows(o.Name)))
                {
                    await RecordAsync(connection, transaction, position++, o.Kind, o.Name, o.CreateSql, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, transaction, o.DropSql, cancellationToken).ConfigureAwait(false);
                }
            }

            var window = await ReadWindowAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _batchTurns = new BatchTurns();
            _bulkLoading = true;
            string[] Names(string kind) => window.Where(w => w.Kind == kind).Select(w => w.Name).ToArray();
            return new BulkLoad(this, holder, new BulkWindowContents(Names("index"), Names("trigger"), Names("constraint"), kept), BulkWriters);
        }
        catch
        {
            await holder.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the window this process holds (the caller holds the bulk lock).</summary>
    internal Task<BulkLoadReport> FinishBulkLoadAsync(CancellationToken cancellationToken) => CloseWindowAsync(cancellationToken);

    /// <summary>Forgets this process's window without closing it, as a crash would.</summary>
    internal void LeaveBulkLoad() => _bulkLoading = false;

    /// <summary>At opening: closes a window a dead process left open. A window whose loader still runs is left alone.</summary>
    protected async Task RecoverBulkLoadAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await WindowTableExistsAsync(connection, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await using var count = connection.Command("SELECT count(*) FROM bulk_window");
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
            {
                return;
            }
        }

        var holder = await TryHoldBulkLockAsync(cancellationToken).ConfigureAwait(false);
        if (holder is null)
        {
            return;
        }

        await using (holder)
        {
            await CloseWindowAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The bulk lock, held until disposed; null when another process holds it. It dies with its process.</summary>
    protected abstract Task<IAsyncDisposable?> TryHoldBulkLockAsync(CancellationToken cancellationToken);

    /// <summary>The loaded tables' secondary non-unique indexes, foreign keys (if dropped at all) and insert triggers.</summary>
    protected abstract Task<List<BulkObject>> ListBulkObjectsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    protected abstract Task<bool> WindowTableExistsAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Rows of three text columns (name, table, definition): how both dialects read their catalogs.</summary>
    protected static async Task<List<(string, string, string)>> ReadTriplesAsync(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string, string)>();
        await using var command = connection.Command(sql, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>
    /// In the first stage of closing, after the indexes: checks the constraints the window did not enforce per row
    /// (SQLite: foreign keys; PostgreSQL validates the ones it re-adds itself). Throws to roll the stage back.
    /// </summary>
    protected virtual Task CheckConstraintsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Session settings for rebuilding (PostgreSQL: memory for index builds).</summary>
    protected virtual Task BeforeCloseAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Between the two stages of closing, with the search indexes still dropped: fills the columns they are built over
    /// (PostgreSQL: the search vectors, on several connections). Each part commits on its own
    /// and skips rows already filled, so a crash in the middle is finished by the next close. <paramref name="window"/>
    /// holds the window's marks and dropped triggers (Kind, Name, CreateSql = the mark's id or the trigger's SQL).
    /// </summary>
    protected virtual Task FillBeforeSearchIndexesAsync(IReadOnlyList<BulkObject> window, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Concurrently with the first stage of closing, on a connection of its own: builds search indexes of the window,
    /// each in a transaction that also removes it from <c>bulk_window</c> (PostgreSQL: the GIN index of the vectors).
    /// </summary>
    protected virtual Task BuildSearchIndexesAsync(IReadOnlyList<BulkObject> window, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether a window object belongs to the search stage of closing (PostgreSQL: the search vector's trigger and GIN index).</summary>
    protected virtual bool IsSearchObject(string kind, string name, string createSql) => false;

    /// <summary>Completes the full-text index of the loaded messages (SQLite); PostgreSQL's is one of the indexes.</summary>
    protected virtual Task CompleteSearchAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After the window's transaction: statistics (PostgreSQL: ANALYZE).</summary>
    protected virtual Task AfterCloseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<BulkLoadReport> CloseWindowAsync(CancellationToken cancellationToken)
    {
        // The closing connection gets the bulk settings (SQLite: the bigger cache, sorts spilling to disk) for its rebuilds.
        _bulkLoading = true;
        try
        {
            return await CloseWindowOnBulkConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _bulkLoading = false;
        }
    }

    /// <remarks>
    /// Two stages, two transactions. First the columns the search indexes are built over are filled (PostgreSQL: the
    /// search vectors, while only the unique indexes exist, so each updated row adds two index entries instead of
    /// one per index). Then the first stage restores everything but search (indexes, foreign keys, derived state,
    /// triggers): the loaded rows are queryable through the indexes when it commits, and its recreated objects leave
    /// <c>bulk_window</c>; meanwhile the search indexes are built on another connection where the database allows it
    /// (PostgreSQL: the GIN index, on the second core). The second stage completes search (PostgreSQL: restores the
    /// vectors' trigger; SQLite: indexes the texts above the FTS watermark) and empties <c>bulk_window</c>. A crash
    /// in between leaves only what did not commit for the next close. The report names both stages, so the time until
    /// the rows are queryable and until search is complete can be told apart.
    /// </remarks>
    private async Task<BulkLoadReport> CloseWindowOnBulkConnectionAsync(CancellationToken cancellationToken)
    {
        var finish = Stopwatch.StartNew();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        List<BulkObject> window;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            window = (await ReadWindowAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
                .Select(w => new BulkObject(w.Kind, w.Name, string.Empty, w.Sql, string.Empty)).ToList();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await FillBeforeSearchIndexesAsync(window, cancellationToken).ConfigureAwait(false);
        var searchIndexes = BuildSearchIndexesAsync(window, cancellationToken);
        TimeSpan indexes, derived, queryable;
        try
        {
            (indexes, derived) = await RestoreAsync(connection, searchStage: false, cancellationToken).ConfigureAwait(false);
            queryable = finish.Elapsed;
        }
        finally
        {
            // Never leave the other connection's build running behind a failure; the first error is the one reported.
            await Task.WhenAny(searchIndexes).ConfigureAwait(false);
        }

        await searchIndexes.ConfigureAwait(false);
        await RestoreAsync(connection, searchStage: true, cancellationToken).ConfigureAwait(false);
        var search = finish.Elapsed - indexes - derived;
        await AfterCloseAsync(connection, cancellationToken).ConfigureAwait(false);
        return new BulkLoadReport(indexes, derived, search) { Queryable = queryable };
    }

    /// <summary>One stage of closing: the window's indexes, constraints and triggers of that stage, in one transaction.</summary>
    private async Task<(TimeSpan Indexes, TimeSpan Derived)> RestoreAsync(DbConnection connection, bool searchStage, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var window = (await ReadWindowAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
            .Where(w => w.Kind == "mark" || IsSearchObject(w.Kind, w.Name, w.Sql) == searchStage).ToList();
        await BeforeCloseAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        foreach (var o in window.Where(w => w.Kind is "index" or "constraint"))
        {
            await ExecuteAsync(connection, transaction, o.Sql, cancellationToken).ConfigureAwait(false);
        }

        if (!searchStage)
        {
            await CheckConstraintsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        var indexes = clock.Elapsed;
        clock.Restart();
        var triggers = window.Where(w => w.Kind == "trigger").ToList();
        foreach (var sql in BulkDerivedState.RecomputeSql(triggers.Select(t => t.Name), this is Postgres.PostgresStore))
        {
            await using var recompute = connection.Command(sql, transaction);
            recompute.CommandTimeout = 0;
            foreach (var mark in window.Where(w => w.Kind == "mark"))
            {
                recompute.Add("@" + mark.Name.Replace("case_", string.Empty, StringComparison.Ordinal), long.Parse(mark.Sql, CultureInfo.InvariantCulture));
            }

            await recompute.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var t in triggers)
        {
            await ExecuteAsync(connection, transaction, t.Sql, cancellationToken).ConfigureAwait(false);
        }

        var derived = clock.Elapsed;
        if (searchStage)
        {
            await CompleteSearchAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM bulk_window", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            foreach (var o in window.Where(w => w.Kind != "mark"))
            {
                await using var forget = connection.Command("DELETE FROM bulk_window WHERE kind = @kind AND name = @name", transaction);
                forget.Add("@kind", o.Kind);
                forget.Add("@name", o.Name);
                await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (indexes, derived);
    }

    private static async Task<List<(string Kind, string Name, string Sql)>> ReadWindowAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string, string)>();
        await using var select = connection.Command("SELECT kind, name, create_sql FROM bulk_window ORDER BY position", transaction);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static async Task RecordAsync(
        DbConnection connection, DbTransaction transaction, int position, string kind, string name, string sql, CancellationToken cancellationToken)
    {
        await using var insert = connection.Command(
            "INSERT INTO bulk_window (position, kind, name, create_sql) VALUES (@position, @kind, @name, @sql)", transaction);
        insert.Add("@position", (long)position);
        insert.Add("@kind", kind);
        insert.Add("@name", name);
        insert.Add("@sql", sql);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        // No time limit: rebuilding an index of millions of rows takes minutes (the default is 30 s).
        await using var command = connection.Command(sql, transaction);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
