using Microsoft.Data.Sqlite;
using Otklik.Storage;

namespace Otklik.Tests.Storage.Sqlite;

/// <summary>The search index's upkeep in a real store file, FTS5's own merges turned off so that only the catch-up's merge work merges.</summary>
public sealed class SqliteSearchIndexTests : IDisposable
{
    private const int Writes = 24;
    private readonly string _folder = Directory.CreateTempSubdirectory("otklik-fts-").FullName;

    private string Database => Path.Combine(_folder, "otklik.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Segments_left_by_many_small_writes_are_merged_as_they_come_and_every_message_is_still_found()
    {
        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        await using (var store = await OtklikStores.OpenAsync(Database, null, CancellationToken.None))
        {
            await ExecuteAsync("INSERT INTO message_fts (message_fts, rank) VALUES ('automerge', 0); INSERT INTO message_fts (message_fts, rank) VALUES ('crisismerge', 100)");
            for (var i = 0; i < Writes; i++)
            {
                // Each batch is a transaction of its own, and its catch-up flushes a segment of its own.
                IncomingMessage Message(string id, string text) => new("test", id, text, null, null, at, null, null, null, null, null, null, 1);
                var batch = new ImportBatch([Message($"l{i}", $"Не горят фонари у дома {i}"), Message($"p{i}", $"Яма на дороге у дома {i}")], [], "import:test", at);
                await store.ImportBatchAsync(batch, CancellationToken.None);
            }
        }

        Assert.InRange(await SegmentsAsync(), 1, 3);
        Assert.Equal(Writes, await ScalarAsync("SELECT count(*) FROM message_fts WHERE message_fts MATCH 'фонар*'"));
        Assert.Equal(Writes, await ScalarAsync("SELECT count(*) FROM message_fts WHERE message_fts MATCH 'яма'"));
    }

    [Fact]
    public async Task A_due_upkeep_merges_the_index_into_one_segment_records_it_and_the_next_look_finds_nothing_due()
    {
        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        await using (var store = await OtklikStores.OpenAsync(Database, null, CancellationToken.None))
        {
            await ExecuteAsync("INSERT INTO message_fts (message_fts, rank) VALUES ('automerge', 0)");
            for (var i = 0; i < 3; i++)
            {
                IncomingMessage Message(string id, string text) => new("test", id, text, null, null, at, null, null, null, null, null, null, 1);
                await store.ImportBatchAsync(new ImportBatch([Message($"l{i}", $"Не горят фонари у дома {i}")], [], "import:test", at), CancellationToken.None);
            }
        }

        var segments = await SegmentsAsync();
        var database = await Otklik.Storage.Cases.CaseDatabase.OpenAsync(Database);
        // No wait for a pause: this is about the merge and its record (the wait: SqliteSearchIndexUpkeepTests).
        var upkeep = new Otklik.Storage.Cases.SearchIndexUpkeep(
            database, new() { MinNewMessages = 1, MinInterval = TimeSpan.FromHours(24), SqlitePauseWait = TimeSpan.Zero }, TimeProvider.System);
        var first = await upkeep.RunAsync();
        var second = await upkeep.RunAsync();

        Assert.Equal(3, segments);
        Assert.Equal((Otklik.Storage.Cases.SearchUpkeepOutcome.Rebuilt, 3L), (first.Outcome, first.Messages));
        Assert.Equal(1, await SegmentsAsync());
        Assert.Equal(Otklik.Storage.Cases.SearchUpkeepOutcome.NotDue, second.Outcome);
        Assert.Equal(3, await ScalarAsync("SELECT messages FROM search_index_rebuilds WHERE index_name = 'message_fts'"));
        Assert.Equal(3, await ScalarAsync("SELECT count(*) FROM message_fts WHERE message_fts MATCH 'фонар*'"));
    }

    [Fact]
    public async Task An_index_of_many_segments_is_merged_at_the_first_look_after_the_writers_paused_and_not_while_they_write()
    {
        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        IncomingMessage Message(string id) => new("test", id, $"Не горят фонари у дома {id}", null, null, at, null, null, null, null, null, null, 1);
        async Task WriteAsync(int from, int count)
        {
            await using var store = await OtklikStores.OpenAsync(Database, null, CancellationToken.None);
            for (var i = from; i < from + count; i++)
            {
                await store.ImportBatchAsync(new ImportBatch([Message($"l{i}")], [], "import:test", at), CancellationToken.None);
            }
        }

        await using (var store = await OtklikStores.OpenAsync(Database, null, CancellationToken.None))
        {
            await ExecuteAsync("INSERT INTO message_fts (message_fts, rank) VALUES ('automerge', 0)");
        }

        // Each batch flushes a segment of its own; a fourth on one level would set the writers' own merge step going.
        await WriteAsync(0, 2);
        var database = await Otklik.Storage.Cases.CaseDatabase.OpenAsync(Database);
        var upkeep = new Otklik.Storage.Cases.SearchIndexUpkeep(
            database, new() { MinNewMessages = 1, MinInterval = TimeSpan.FromHours(24), SqliteMinSegments = 3 }, TimeProvider.System);
        // A merge recorded a moment ago: the growth rule then waits a day, so only the pause with many segments can make
        // the next one due. (A real merge here would not do: the writers' merge step folds a tiny index's new segments
        // into its one.)
        await using (var session = await database.OpenAsync(write: true))
        {
            await session.ExecuteAsync(
                "INSERT INTO search_index_rebuilds (index_name, rebuilt_at, messages, seconds) VALUES ('message_fts', @at, 2, 0)",
                default, ("at", session.T(DateTimeOffset.UtcNow)));
            await session.CommitAsync();
        }

        var first = await upkeep.RunAsync();
        await WriteAsync(2, 1);
        var whileWriting = await upkeep.RunAsync();
        var segmentsBefore = await SegmentsAsync();
        var paused = await upkeep.RunAsync();
        var segmentsAfter = await SegmentsAsync();
        var again = await upkeep.RunAsync();

        Assert.Equal(Otklik.Storage.Cases.SearchUpkeepOutcome.NotDue, first.Outcome);
        Assert.Equal(Otklik.Storage.Cases.SearchUpkeepOutcome.NotDue, whileWriting.Outcome);
        Assert.Equal(3, segmentsBefore);
        Assert.Equal(Otklik.Storage.Cases.SearchUpkeepOutcome.Rebuilt, paused.Outcome);
        Assert.Equal(1, segmentsAfter);
        Assert.Equal(Otklik.Storage.Cases.SearchUpkeepOutcome.NotDue, again.Outcome);
        Assert.Equal(3, await ScalarAsync("SELECT count(*) FROM message_fts WHERE message_fts MATCH 'фонар*'"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The segment count from FTS5's structure record, as the upkeep reads it.</summary>
    private async Task<long> SegmentsAsync()
    {
        var database = await Otklik.Storage.Cases.CaseDatabase.OpenAsync(Database);
        await using var session = await database.OpenAsync(write: false);
        return await Otklik.Storage.Sqlite.SqliteSearchIndex.SegmentsAsync(session, CancellationToken.None);
    }
}
