using System.Globalization;
using Otklik.Storage.Cases;
using Otklik.Tests.Support;

namespace Otklik.Tests.Storage.Postgres;

/// <summary>PostgreSQL: the search index's pending entries are moved into the index after a commit, off the writer's path.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SearchIndexCleanerTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Messages_committed_by_a_write_session_leave_the_search_index_pending_list_empty_and_stay_searchable()
    {
        var database = await CaseDatabase.OpenAsync(await cluster.CreateDatabaseAsync());
        await using (var setup = await database.OpenAsync(write: true))
        {
            await setup.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pageinspect", CancellationToken.None);
            await setup.CommitAsync();
        }

        var at = new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);
        await using (var write = await database.OpenAsync(write: true))
        {
            // Far below the 4 MB limit: without the clean-up these entries would stay pending until many more came.
            await write.InsertMessagesAsync(Enumerable.Range(0, 200)
                .Select(i => new NewMessage("test", "m" + i.ToString(CultureInfo.InvariantCulture), $"Не горят фонари на улице Ленина у дома {i}", at)).ToList());
            await write.CommitAsync();
        }

        await using var read = await database.OpenAsync(write: false);
        var pending = -1L;
        for (var attempt = 0; attempt < 100 && pending != 0; attempt++)
        {
            await Task.Delay(100);
            pending = Convert.ToInt64(await read.ScalarAsync(
                $"SELECT n_pending_tuples FROM gin_metapage_info(get_raw_page('{SearchVectorSchema.Index}', 0))", CancellationToken.None), CultureInfo.InvariantCulture);
        }

        Assert.Equal(0, pending);
        var found = Convert.ToInt64(await read.ScalarAsync(
            "SELECT count(*) FROM messages WHERE tsv @@ plainto_tsquery('russian', 'фонарей')", CancellationToken.None), CultureInfo.InvariantCulture);
        Assert.Equal(200, found);
    }
}
