using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Otklik.Storage;
using Otklik.Storage.Cases;

namespace Otklik.Tests.Storage.Cases;

/// <summary>
/// The search index upkeep on SQLite, where the merge holds the write lock: when a look takes that lock, and when a due
/// merge waits for the writers to pause. A store file of its own per test, the looks on a fake clock.
/// </summary>
public sealed class SqliteSearchIndexUpkeepTests : IDisposable
{
    private static readonly TimeSpan Look = new SearchUpkeepOptions().SqliteCheckEvery;
    private readonly string _folder = Directory.CreateTempSubdirectory("otklik-upkeep-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    private int _written;

    private string Database => Path.Combine(_folder, "otklik.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_look_that_finds_nothing_due_completes_while_a_writer_holds_the_write_lock()
    {
        await WriteAsync(3);
        var database = await CaseDatabase.OpenAsync(Database);
        var upkeep = new SearchIndexUpkeep(database, new SearchUpkeepOptions(), _clock);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        SearchUpkeepResult result;
        await using (var writer = await database.OpenAsync(write: true))
        {
            await writer.ExecuteAsync("UPDATE search_state SET last_message_id = last_message_id WHERE id = 1", default);
            result = await upkeep.RunAsync(SearchUpkeepRun.Look, patience.Token);
        }

        Assert.Equal((SearchUpkeepOutcome.NotDue, 3L), (result.Outcome, result.Messages));
    }

    [Fact]
    public async Task A_merge_the_growth_rule_made_due_waits_while_the_writers_write_and_runs_at_the_first_look_after_they_paused()
    {
        await WriteAsync(2);
        var upkeep = await UpkeepAsync();

        // No merge recorded (as after the upgrade): due by growth at once, but the first look knows of no earlier one.
        var first = await LookAsync(upkeep);
        await WriteAsync(1);
        var whileWriting = await LookAsync(upkeep);
        var segmentsBefore = await SegmentsAsync();
        var paused = await LookAsync(upkeep);
        var again = await LookAsync(upkeep);

        Assert.Equal(SearchUpkeepOutcome.NotDue, first.Outcome);
        Assert.Equal(SearchUpkeepOutcome.NotDue, whileWriting.Outcome);
        Assert.Equal(3, segmentsBefore);
        Assert.Equal((SearchUpkeepOutcome.Rebuilt, 3L), (paused.Outcome, paused.Messages));
        Assert.Equal(1, await SegmentsAsync());
        Assert.Equal(SearchUpkeepOutcome.NotDue, again.Outcome);
    }

    [Fact]
    public async Task A_merge_held_back_by_writers_that_never_pause_runs_once_it_has_waited_the_pause_wait()
    {
        await WriteAsync(2);
        var upkeep = await UpkeepAsync();

        var first = await LookAsync(upkeep);
        var held = new List<SearchUpkeepOutcome>();
        for (var look = 1; look < 12; look++)
        {
            await WriteAsync(1);
            held.Add((await LookAsync(upkeep)).Outcome);
        }

        await WriteAsync(1);
        var waited = await LookAsync(upkeep);

        Assert.Equal(SearchUpkeepOutcome.NotDue, first.Outcome);
        Assert.All(held, outcome => Assert.Equal(SearchUpkeepOutcome.NotDue, outcome));
        Assert.Equal((SearchUpkeepOutcome.Rebuilt, 14L), (waited.Outcome, waited.Messages));
        Assert.Equal(1, await SegmentsAsync());
    }

    [Fact]
    public async Task Two_lookers_that_both_found_the_merge_due_before_either_took_the_lock_merge_once()
    {
        await WriteAsync(3);
        var database = await CaseDatabase.OpenAsync(Database);
        var options = new SearchUpkeepOptions { MinNewMessages = 1, SqliteMinSegments = 1000 };
        var (one, two) = (new SearchIndexUpkeep(database, options, _clock), new SearchIndexUpkeep(database, options, _clock));
        await one.RunAsync();
        await two.RunAsync();

        // Both look (no writes since their previous looks: due) while a writer holds the lock, then wait for it in turn.
        // Microsoft.Data.Sqlite runs its calls synchronously, so each call returns only once it waits for the lock.
        Task<SearchUpkeepResult> first, second;
        await using (await database.OpenAsync(write: true))
        {
            first = one.RunAsync();
            second = two.RunAsync();
            Assert.False(first.IsCompleted || second.IsCompleted);
        }

        Assert.Equal(SearchUpkeepOutcome.Rebuilt, (await first).Outcome);
        Assert.Equal((SearchUpkeepOutcome.NotDue, 0L), ((await second).Outcome, (await second).NewMessages));
    }

    [Fact]
    public async Task A_message_written_while_a_looker_waits_for_the_lock_ends_the_pause_and_holds_the_merge_back()
    {
        await WriteAsync(2);
        var database = await CaseDatabase.OpenAsync(Database);
        var upkeep = Upkeep(database);
        await LookAsync(upkeep);

        // It finds the store paused and the merge due, then waits for the lock the writer holds (it returns only then).
        Task<SearchUpkeepResult> look;
        await using (var writer = await database.OpenAsync(write: true))
        {
            look = upkeep.RunAsync();
            await writer.ExecuteAsync(
                "INSERT INTO messages (channel, external_id, text, received_at) VALUES ('test', 'late', 'Яма во дворе', '2026-11-30T03:00:00Z')", default);
            await writer.CommitAsync();
        }

        Assert.Equal((SearchUpkeepOutcome.NotDue, 3L), ((await look).Outcome, (await look).Messages));
    }

    private async Task<SearchIndexUpkeep> UpkeepAsync() => Upkeep(await CaseDatabase.OpenAsync(Database));

    // The growth rule due at the first look (no merge recorded, as after the upgrade); the many-segments rule out of reach.
    private SearchIndexUpkeep Upkeep(CaseDatabase database) =>
        new(database, new SearchUpkeepOptions { MinNewMessages = 1, MinInterval = TimeSpan.FromHours(24), SqliteMinSegments = 1000 }, _clock);

    /// <summary>One of the server's looks, then the clock moves on to the next.</summary>
    private async Task<SearchUpkeepResult> LookAsync(SearchIndexUpkeep upkeep)
    {
        var result = await upkeep.RunAsync(SearchUpkeepRun.Look);
        _clock.Advance(Look);
        return result;
    }

    /// <summary>Writes <paramref name="count"/> messages, a transaction each, so each flushes an FTS5 segment of its own.</summary>
    private async Task WriteAsync(int count)
    {
        var at = _clock.GetUtcNow();
        await using var store = await OtklikStores.OpenAsync(Database, null, CancellationToken.None);
        if (_written == 0)
        {
            // FTS5's own merges off, so that the segment count is the writes'.
            await using var connection = new SqliteConnection($"Data Source={Database};Pooling=false");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO message_fts (message_fts, rank) VALUES ('automerge', 0)";
            await command.ExecuteNonQueryAsync();
        }

        for (var i = 0; i < count; i++)
        {
            var id = $"m{++_written}";
            var message = new IncomingMessage("test", id, $"Не горят фонари у дома {id}", null, null, at, null, null, null, null, null, null, 1);
            await store.ImportBatchAsync(new ImportBatch([message], [], "import:test", at), CancellationToken.None);
        }
    }

    private async Task<long> SegmentsAsync()
    {
        var database = await CaseDatabase.OpenAsync(Database);
        await using var session = await database.OpenAsync(write: false);
        return await Otklik.Storage.Sqlite.SqliteSearchIndex.SegmentsAsync(session, CancellationToken.None);
    }
}
