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
internal sealed class SqliteCheckpointer
{
    /// <summary>The automatic checkpoint's limit on the workflow's connections: 64 MB of 4 KB pages (SQLite's default is 1,000).</summary>
    public const string AutoCheckpointPragma = "PRAGMA wal_autocheckpoint = 16384";

    private readonly string _connectionString;
    private readonly BackgroundPass _pass;

    public SqliteCheckpointer(string connectionString)
    {
        // Mode=ReadWrite: a checkpoint after the database was deleted (a test's temporary folder) must not create an empty one.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        _pass = new BackgroundPass(CheckpointAsync);
    }

    /// <summary>Asks for a checkpoint after a commit; returns at once.</summary>
    public void Request() => _pass.Request();

    private async Task CheckpointAsync()
    {
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
}
