using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Rebuilds PostgreSQL's search index (<c>messages_tsv</c>) when it is due, without blocking reads or writes
/// (<c>REINDEX INDEX CONCURRENTLY</c>). A GIN index that took a steady ingest is sorted into by many pending-list
/// merges, and its posting trees then mislead GIN's choice of which word to walk first: on a store after many ingests an
/// executor's scoped search cost 28–52 ms instead of 3.6 ms, and a rebuild (6.6 s at 1.07M messages) restored it
/// (docs/storage.md, "Keeping the search indexes compact"). On SQLite it merges the FTS5 index into one segment
/// instead (<c>SearchIndexUpkeep.Sqlite.cs</c>). The server runs this every <see cref="LookEvery"/>; <c>otklik maintain</c>
/// runs it by hand.
/// </summary>
public sealed partial class SearchIndexUpkeep(CaseDatabase database, SearchUpkeepOptions options, TimeProvider time, ILogger<SearchIndexUpkeep>? logger = null)
{
    /// <summary>The index this keeps compact.</summary>
    public const string Index = "messages_tsv";

    /// <summary>SQLite's search index (FTS5), which the upkeep merges into one segment.</summary>
    public const string SqliteIndex = "message_fts";

    // The record of the last rebuild, the same table and statements on both databases (migrations 21 and 22).
    private const string LastRebuildSql = "SELECT rebuilt_at, messages FROM search_index_rebuilds WHERE index_name = @index";

    private const string RecordSql = """
        INSERT INTO search_index_rebuilds (index_name, rebuilt_at, messages, seconds) VALUES (@index, @at, @messages, @seconds)
        ON CONFLICT (index_name) DO UPDATE SET rebuilt_at = excluded.rebuilt_at, messages = excluded.messages, seconds = excluded.seconds
        """;

    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>
    /// How often the server looks (<see cref="SearchUpkeepOptions.CheckEvery"/>, on SQLite
    /// <see cref="SearchUpkeepOptions.SqliteCheckEvery"/>, where a look is two index reads and the merge after an ingest
    /// should come soon after it ends).
    /// </summary>
    public TimeSpan LookEvery => database.Dialect is PostgresDialect ? options.CheckEvery : options.SqliteCheckEvery;

    /// <summary>
    /// Drops what failed rebuilds left, then rebuilds the index if it is due (<see cref="SearchUpkeepOptions"/>; on
    /// SQLite <paramref name="run"/> says which rules apply), or always with <see cref="SearchUpkeepRun.Now"/>, and
    /// records the rebuild. Returns <see cref="SearchUpkeepOutcome.Busy"/> at once while another process runs it
    /// (PostgreSQL). A rebuild cancelled midway leaves the old index in use.
    /// </summary>
    public async Task<SearchUpkeepResult> RunAsync(SearchUpkeepRun run = SearchUpkeepRun.Look, CancellationToken cancellationToken = default)
    {
        if (database.Dialect is not PostgresDialect postgres)
        {
            return await RunSqliteAsync(run, cancellationToken);
        }

        // REINDEX CONCURRENTLY cannot run in a transaction, so a transaction lock cannot cover it: a session lock on a
        // connection outside the pool. It ends with the connection, also when this is cancelled or the connection breaks.
        await using var connection = postgres.CreateUnpooledConnection();
        await connection.OpenAsync(cancellationToken);
        if (!await ScalarAsync<bool>(connection, $"SELECT pg_try_advisory_lock({WriteLocks.SearchUpkeep})", cancellationToken))
        {
            return SearchUpkeepResult.Nothing(SearchUpkeepOutcome.Busy);
        }

        try
        {
            return await RunLockedAsync(connection, run, cancellationToken);
        }
        finally
        {
            await UnlockAsync(connection);
        }
    }

    /// <summary>PostgreSQL, holding the upkeep lock: leftovers, the look, and the rebuild when due.</summary>
    private async Task<SearchUpkeepResult> RunLockedAsync(NpgsqlConnection connection, SearchUpkeepRun run, CancellationToken cancellationToken)
    {
        var dropped = await DropLeftoversAsync(connection, cancellationToken);

        // Read under the lock: a process that takes it just after another's rebuild must see that one's record, or it rebuilds again.
        var (lastAt, lastMessages) = await LastRebuildAsync(connection, cancellationToken);

        // A count, not the highest id: ids skip what duplicates and rolled-back writes took (the bench store: 1.33M
        // messages, highest id 2.33M). 120–160 ms at 1.33M messages on a busy host, once per look.
        var messages = await ScalarAsync<long>(connection, "SELECT count(*) FROM messages", cancellationToken);
        var added = messages - lastMessages;
        var needed = options.NeededAfter(lastMessages);
        if (run != SearchUpkeepRun.Now && !options.GrowthDue(added, lastMessages, lastAt, time.GetUtcNow()))
        {
            return new SearchUpkeepResult(SearchUpkeepOutcome.NotDue, messages, added, needed, lastAt, TimeSpan.Zero, dropped);
        }

        Log.SearchIndexRebuilding(_logger, Index, "REINDEX CONCURRENTLY; reads and writes go on", added, messages);
        var started = time.GetTimestamp();
        try
        {
            await using var reindex = new NpgsqlCommand($"REINDEX INDEX CONCURRENTLY {Index}", connection) { CommandTimeout = 0 };
            await reindex.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e)
        {
            Log.SearchIndexRebuildFailed(_logger, Index, time.GetElapsedTime(started).TotalSeconds, e);
            throw;
        }

        var took = time.GetElapsedTime(started);
        Log.SearchIndexRebuilt(_logger, Index, took.TotalSeconds);

        // The count read before the rebuild: messages written during it were added to the new index as pending entries,
        // the same as any later message, so they count towards the next one.
        await using var record = new NpgsqlCommand(RecordSql, connection);
        record.Parameters.AddWithValue("index", Index);
        record.Parameters.AddWithValue("at", time.GetUtcNow().UtcDateTime);
        record.Parameters.AddWithValue("messages", messages);
        record.Parameters.AddWithValue("seconds", took.TotalSeconds);
        await record.ExecuteNonQueryAsync(CancellationToken.None);
        return new SearchUpkeepResult(SearchUpkeepOutcome.Rebuilt, messages, added, needed, lastAt, took, dropped);
    }

    /// <summary>
    /// A failed or cancelled REINDEX CONCURRENTLY leaves its new index (<c>messages_tsv_ccnew</c>, or <c>_ccnew1</c>, …
    /// when that name was taken) invalid: unused by reads, but still updated by every write. One that failed while
    /// dropping the old index leaves that one (<c>_ccold</c>). Both are dropped; no other rebuild runs meanwhile (the lock).
    /// </summary>
    private async Task<IReadOnlyList<string>> DropLeftoversAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var leftovers = new List<string>();
        await using (var find = new NpgsqlCommand($"""
            SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = 'messages'::regclass AND NOT i.indisvalid AND c.relname ~ '^{Index}_cc(new|old)[0-9]*$'
            ORDER BY 1
            """, connection))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                leftovers.Add(reader.GetString(0));
            }
        }

        foreach (var leftover in leftovers)
        {
            // The name is one the pattern above matched: letters, digits and underscores.
            await using var drop = new NpgsqlCommand($"DROP INDEX CONCURRENTLY IF EXISTS \"{leftover}\"", connection) { CommandTimeout = 0 };
            await drop.ExecuteNonQueryAsync(cancellationToken);
            Log.SearchIndexLeftoverDropped(_logger, leftover);
        }

        return leftovers;
    }

    /// <summary>
    /// Unlocks by hand while the connection works. Left to the connection's end, a run just after this one found the
    /// lock still held and said Busy (two tests that run the upkeep several times in a row, in the whole suite on a
    /// loaded host; our reading: the server ends the session a moment after the client closed it). A connection that
    /// broke releases it as it ends.
    /// </summary>
    private static async Task UnlockAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await ScalarAsync<bool>(connection, $"SELECT pg_advisory_unlock({WriteLocks.SearchUpkeep})", CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection's end releases it.
        }
    }

    private static async Task<(DateTimeOffset? At, long Messages)> LastRebuildAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LastRebuildSql, connection);
        command.Parameters.AddWithValue("index", Index);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc)), reader.GetInt64(1))
            : (null, 0);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
