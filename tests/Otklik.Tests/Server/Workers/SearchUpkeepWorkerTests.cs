using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Otklik.Server.Workers;
using Otklik.Storage.Cases;
using Otklik.Tests.Support;

namespace Otklik.Tests.Server.Workers;

/// <summary>The server's search index upkeep worker, on the app's (fake) clock against PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SearchUpkeepWorkerTests(PostgresCluster cluster)
{
    [Fact]
    public async Task The_worker_rebuilds_a_due_index_one_check_interval_after_start_and_not_at_start()
    {
        var db = await cluster.CreateDatabaseAsync();
        var database = await CaseDatabase.OpenAsync(db);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        var options = new SearchUpkeepOptions { MinNewMessages = 1, CheckEvery = TimeSpan.FromHours(1) };
        await ExecuteAsync(db, "INSERT INTO messages (channel, external_id, text, received_at) VALUES ('vk', '1', 'Разбитая дорога', '2026-11-01T00:00:00Z')");
        using var worker = new SearchUpkeepWorker(
            new SearchIndexUpkeep(database, options, clock), options, clock, NullLogger<SearchUpkeepWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await Task.Delay(500);
        var atStart = await RebuildsAsync(db);
        clock.Advance(TimeSpan.FromHours(1));
        var after = await WaitForRebuildAsync(db);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(0, atStart);
        Assert.Equal(1, after);
    }

    private static async Task<long> WaitForRebuildAsync(string db)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await RebuildsAsync(db) > 0)
            {
                return await RebuildsAsync(db);
            }

            await Task.Delay(100);
        }

        return 0;
    }

    private static async Task<long> RebuildsAsync(string db)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM search_index_rebuilds", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
