using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Otklik.Storage.Sqlite;

/// <summary>
/// Merges the full-text index's segments off the writer's path. Each write transaction's catch-up
/// (<see cref="SqliteSearchIndex"/>) flushes its new rows as one small FTS5 segment, and FTS5's own automerge, paid inside
/// COMMIT in proportion to what was written, falls behind under a steady ingest: the 1M-case bench store after its ingest
/// runs held 59 segments, 42 of them in one unfinished merge, and a query reads each of its terms in every segment. An
/// executor's search (a prefix and two scope tokens) cost 2.2 ms of CPU there, against 0.45 ms once the index was merged
/// (sqlite3, 200 runs each). Here, after commits, merge steps of a few pages run on a connection of their own, each its
/// own short write transaction, until FTS5 finds no level with 'usermerge' (4) segments left to merge.
/// </summary>
/// <remarks>
/// A step holds the write lock for a few milliseconds; after each the merger waits as long as the step took, so a
/// writer waiting on the lock gets it and the merging takes at most about half a core. Nothing is lost when a pass
/// cannot run or stops half-way: a merge step is a transaction like any other, and the next commit asks again.
/// </remarks>
internal sealed class SqliteSearchMerger
{
    // Leaf pages (about 4 KB each) a step writes: 32 took 5–10 ms on the 1M-case store.
    private const int PagesPerStep = 32;

    private readonly string _connectionString;
    private readonly BackgroundPass _pass;

    public SqliteSearchMerger(string connectionString)
    {
        // Mode=ReadWrite: a pass after the database was deleted (a test's temporary folder) must not create an empty one.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        _pass = new BackgroundPass(MergeAsync);
    }

    /// <summary>Asks for a merge pass after a commit; returns at once.</summary>
    public void Request() => _pass.Request();

    private async Task MergeAsync()
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 60000";
            await command.ExecuteNonQueryAsync();
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
                {
                    command.Transaction = transaction;
                    // FTS5 tells no result: a step that merged anything changed at least two rows of the index's tables.
                    var before = await TotalChangesAsync(command);
                    command.CommandText = $"INSERT INTO message_fts (message_fts, rank) VALUES ('merge', {PagesPerStep.ToString(CultureInfo.InvariantCulture)})";
                    await command.ExecuteNonQueryAsync();
                    var changed = await TotalChangesAsync(command) - before;
                    await transaction.CommitAsync();
                    if (changed < 2)
                    {
                        return;
                    }
                }

                await Task.Delay(Stopwatch.GetElapsedTime(started));
            }
        }
        catch (SqliteException)
        {
            // No index (a store before its search migration), the file gone, or the lock held past the timeout: the
            // index stays as FTS5's own merges leave it, which every query reads correctly, only slower.
        }
    }

    private static async Task<long> TotalChangesAsync(SqliteCommand command)
    {
        command.CommandText = "SELECT total_changes()";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
