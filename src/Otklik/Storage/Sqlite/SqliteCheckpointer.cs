using Microsoft.Data.Sqlite;

namespace Otklik.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file off the writer's path. SQLite's own automatic checkpoint runs
/// inside the COMMIT of whichever transaction crosses the log limit, and its random writes into a large file and its
/// fsync then hold up the writers queued behind it. A passive checkpoint needs no write lock, so here it runs on its own
/// connection after each commit while the next transaction goes on; the log restarts from its beginning once a
/// checkpoint has caught up. SQLite's automatic checkpoint stays on with a high limit (<see cref="AutoCheckpointPragma"/>)
/// so that the log stays bounded under a write rate this cannot keep up with. (On the 1M-case ingest bench the long
/// commits turned out to be FTS5's segment merges, not checkpoints; this one's share of the gain is not measured apart.)
/// </summary>
/// <remarks>
/// At most one checkpoint runs at a time; requests made while it runs fold into one more pass. The log holds only
/// committed work (a checkpoint never makes anything durable that was not), so a crash at any point loses nothing
/// that a crash with SQLite's own checkpoint would not.
/// </remarks>
internal sealed class SqliteCheckpointer(string connectionString)
{
    /// <summary>The automatic checkpoint's limit on the workflow's connections: 64 MB of 4 KB pages (SQLite's default is 1,000).</summary>
    public const string AutoCheckpointPragma = "PRAGMA wal_autocheckpoint = 16384";

    // Mode=ReadWrite: a checkpoint after the database was deleted (a test's temporary folder) must not create an empty one.
    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();

    // 0: idle; 1: running; 2: running, and another pass was asked for meanwhile.
    private int _state;

    /// <summary>Asks for a checkpoint after a commit; returns at once.</summary>
    public void Request()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == 2)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _state, state + 1, state) == state)
            {
                if (state == 0)
                {
                    _ = Task.Run(RunAsync);
                }

                return;
            }
        }
    }

    private async Task RunAsync()
    {
        do
        {
            Volatile.Write(ref _state, 1);
            try
            {
                await using var connection = new SqliteConnection(_connectionString);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync();
            }
            catch (SqliteException)
            {
                // Nothing is lost when a checkpoint cannot run (the file is gone, or locked by another process's
                // restart): the log keeps every commit, and the next commit asks again.
            }
        }
        while (Interlocked.CompareExchange(ref _state, 0, 1) != 1);
    }
}
