using Npgsql;
using Otklik.Storage.Cases;

namespace Otklik.Storage.Postgres;

/// <summary>
/// Moves the search index's pending entries into the index proper off the writer's path. The GIN index of message
/// vectors takes new entries into a pending list (<c>fastupdate</c>); the insert that finds the list over
/// <c>gin_pending_list_limit</c> (4 MB, about 10,000 ingested messages) moves all of it, inside the one write
/// transaction the whole ingest queues behind: about 18 ms of the writer per 1,000 messages, in spikes of a quarter of
/// a second (1M-case store, psql, 30 Nov). Here <c>gin_clean_pending_list</c> runs on a connection of its own after
/// each commit, on the database's other core, while the next group writes; an insert that finds a clean-up running
/// skips its own (it only tries the index's clean-up lock), and searches scan a shorter pending list.
/// </summary>
/// <remarks>
/// At most one clean-up runs at a time; commits meanwhile fold into one more pass. Nothing depends on it: when it cannot
/// run (not the index's owner, a standby, the index dropped by a bulk load's window) the inserts clean the list as before.
/// </remarks>
internal sealed class SearchIndexCleaner(NpgsqlDataSource dataSource)
{
    private const string Sql = $"SELECT gin_clean_pending_list(to_regclass('{SearchVectorSchema.Index}')) WHERE to_regclass('{SearchVectorSchema.Index}') IS NOT NULL";

    // 0: idle; 1: running; 2: running, and another pass was asked for meanwhile.
    private int _state;

    /// <summary>Asks for a clean-up after a commit; returns at once.</summary>
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
                await using var command = dataSource.CreateCommand(Sql);
                await command.ExecuteNonQueryAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
            {
                // Nothing is lost: the pending entries stay searchable, and the next insert over the limit moves them.
            }
        }
        while (Interlocked.CompareExchange(ref _state, 0, 1) != 1);
    }
}
