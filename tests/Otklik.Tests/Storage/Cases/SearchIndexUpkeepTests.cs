using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Otklik.Storage.Cases;
using Otklik.Tests.Support;

namespace Otklik.Tests.Storage.Cases;

/// <summary>
/// The search index upkeep on PostgreSQL: a database of its own per test. Each run is a new <see cref="SearchIndexUpkeep"/>,
/// as after a restart: what it knows of earlier rebuilds it reads from the database.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SearchIndexUpkeepTests(PostgresCluster cluster)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_index_is_rebuilt_once_enough_messages_were_added_and_not_before()
    {
        var (db, database) = await OpenAsync();
        var options = new SearchUpkeepOptions { MinNewMessages = 2, GrowthFraction = 0.5, MinInterval = TimeSpan.Zero };
        await AddMessagesAsync(db, 1);
        var before = await FileNodeAsync(db);

        var early = await RunAsync(database, options);
        await AddMessagesAsync(db, 9);
        var due = await RunAsync(database, options);
        var afterFirst = await FileNodeAsync(db);
        await AddMessagesAsync(db, 4);
        var short1 = await RunAsync(database, options);
        await AddMessagesAsync(db, 1);
        var again = await RunAsync(database, options);

        Assert.Equal((SearchUpkeepOutcome.NotDue, 1L, 2L), (early.Outcome, early.NewMessages, early.NeededMessages));
        Assert.Equal((SearchUpkeepOutcome.Rebuilt, 10L), (due.Outcome, due.Messages));
        Assert.NotEqual(before, afterFirst);
        // Half of the 10 messages there were at the rebuild: 5 more are needed, 4 are not enough.
        Assert.Equal((SearchUpkeepOutcome.NotDue, 4L, 5L), (short1.Outcome, short1.NewMessages, short1.NeededMessages));
        Assert.Equal(SearchUpkeepOutcome.Rebuilt, again.Outcome);
        Assert.NotEqual(afterFirst, await FileNodeAsync(db));
        Assert.Equal(["15"], await QueryAsync(db, "SELECT messages FROM search_index_rebuilds WHERE index_name = 'messages_tsv'"));
    }

    [Fact]
    public async Task The_index_is_not_rebuilt_again_before_the_minimum_interval_passes()
    {
        var (db, database) = await OpenAsync();
        var options = new SearchUpkeepOptions { MinNewMessages = 1, GrowthFraction = 0, MinInterval = TimeSpan.FromHours(24) };
        await AddMessagesAsync(db, 1);
        var first = await RunAsync(database, options);
        var node = await FileNodeAsync(db);
        await AddMessagesAsync(db, 100);

        _clock.Advance(TimeSpan.FromHours(23));
        var early = await RunAsync(database, options);
        var nodeEarly = await FileNodeAsync(db);
        _clock.Advance(TimeSpan.FromHours(1));
        var due = await RunAsync(database, options);

        Assert.Equal(SearchUpkeepOutcome.Rebuilt, first.Outcome);
        Assert.Equal(SearchUpkeepOutcome.NotDue, early.Outcome);
        Assert.Equal(node, nodeEarly);
        Assert.Equal(SearchUpkeepOutcome.Rebuilt, due.Outcome);
        Assert.Equal(_clock.GetUtcNow() - TimeSpan.FromHours(24), due.LastRebuiltAt);
    }

    [Fact]
    public async Task An_invalid_index_a_failed_rebuild_left_is_dropped_even_when_no_rebuild_is_due()
    {
        var (db, database) = await OpenAsync();
        await AddMessagesAsync(db, 2);
        // A concurrent build that fails leaves its index invalid, as a failed REINDEX CONCURRENTLY leaves its _ccnew:
        // here a unique index on a constant over two rows.
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db, "CREATE UNIQUE INDEX CONCURRENTLY messages_tsv_ccnew ON messages ((1))"));
        Assert.Equal(["messages_tsv_ccnew|false"], await QueryAsync(db, LeftoversSql));

        var result = await RunAsync(database, new SearchUpkeepOptions());

        Assert.Equal(SearchUpkeepOutcome.NotDue, result.Outcome);
        Assert.Equal(["messages_tsv_ccnew"], result.DroppedLeftovers);
        Assert.Empty(await QueryAsync(db, LeftoversSql));
    }

    [Fact]
    public async Task While_another_process_holds_the_upkeep_lock_the_index_is_not_rebuilt()
    {
        var (db, database) = await OpenAsync();
        await AddMessagesAsync(db, 5);
        var node = await FileNodeAsync(db);
        await using var other = new NpgsqlConnection(db);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({WriteLocks.SearchUpkeep})", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        var result = await RunAsync(database, new SearchUpkeepOptions { MinNewMessages = 1 }, force: true);

        Assert.Equal(SearchUpkeepOutcome.Busy, result.Outcome);
        Assert.Equal(node, await FileNodeAsync(db));
    }

    [Fact]
    public async Task A_look_that_finds_nothing_due_completes_while_a_writer_holds_its_transaction_open()
    {
        var (db, database) = await OpenAsync();
        await AddMessagesAsync(db, 3);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        SearchUpkeepResult result;
        await using (var writer = await database.OpenAsync(write: true))
        {
            await writer.ExecuteAsync(
                "INSERT INTO messages (channel, external_id, text, received_at) VALUES ('vk', 'open', 'Яма во дворе', '2026-11-01T00:00:00Z')", default);
            result = await new SearchIndexUpkeep(database, new SearchUpkeepOptions(), _clock).RunAsync(SearchUpkeepRun.Look, patience.Token);
        }

        Assert.Equal((SearchUpkeepOutcome.NotDue, 3L), (result.Outcome, result.Messages));
    }

    [Fact]
    public async Task A_run_right_after_another_finds_the_upkeep_lock_free()
    {
        var (_, database) = await OpenAsync();
        var outcomes = new List<SearchUpkeepOutcome>();

        // The lock is a session's; PostgreSQL ends a session after its client has gone, so the next run can come first.
        for (var i = 0; i < 50; i++)
        {
            outcomes.Add((await RunAsync(database, new SearchUpkeepOptions())).Outcome);
        }

        Assert.All(outcomes, outcome => Assert.Equal(SearchUpkeepOutcome.NotDue, outcome));
    }

    [Fact]
    public async Task Two_upkeeps_at_once_rebuild_the_index_once()
    {
        var (db, database) = await OpenAsync();
        await AddMessagesAsync(db, 2000);
        var options = new SearchUpkeepOptions { MinNewMessages = 1, GrowthFraction = 0, MinInterval = TimeSpan.Zero };

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunAsync(database, options))));

        Assert.Single(results, r => r.Outcome == SearchUpkeepOutcome.Rebuilt);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { SearchUpkeepOutcome.Rebuilt, SearchUpkeepOutcome.Busy, SearchUpkeepOutcome.NotDue }));
    }

    private const string LeftoversSql = """
        SELECT c.relname || '|' || i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE c.relname LIKE 'messages_tsv_cc%'
        """;

    private async Task<(string Db, CaseDatabase Database)> OpenAsync()
    {
        var db = await cluster.CreateDatabaseAsync();
        return (db, await CaseDatabase.OpenAsync(db));
    }

    private Task<SearchUpkeepResult> RunAsync(CaseDatabase database, SearchUpkeepOptions options, bool force = false) =>
        new SearchIndexUpkeep(database, options, _clock).RunAsync(force ? SearchUpkeepRun.Now : SearchUpkeepRun.Look);

    private static Task AddMessagesAsync(string db, int count) => ExecuteAsync(db, string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO messages (channel, external_id, text, received_at)
        SELECT 'vk', gen_random_uuid()::text, 'Разбитая дорога у школы ' || g, '2026-11-01T00:00:00Z' FROM generate_series(1, {count}) g
        """));

    private static async Task<string> FileNodeAsync(string db) => (await QueryAsync(db, "SELECT pg_relation_filenode('messages_tsv')")).Single();

    private static async Task ExecuteAsync(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> QueryAsync(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
