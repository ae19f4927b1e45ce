using Otklik.Access;
using Otklik.Model;
using Otklik.Storage.Cases;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public sealed partial class SqliteServerTests
{
    /// <summary>
    /// Migration 23 keys the search index by message id negated, so it reads newest first. A store of 22 held it by id:
    /// after the migration every message it held is found again, in the list's order (newest matching message first),
    /// an executor's search still sees its own cases only, and new messages go in the new form. With the migration's
    /// fill left out the searches find nothing; with the catch-up's rowid not negated the new case is not found first
    /// and the integrity check fails.
    /// </summary>
    [Fact]
    public async Task A_store_indexed_oldest_first_is_searched_newest_first_after_the_migration_and_keeps_indexing_new_messages()
    {
        var path = _folder.File("older.db");
        var database = new CaseDatabase(SqlDialect.FromDb(path));
        await OlderSchema.MigrateToAsync(database, 22);
        long ours, theirs;
        await using (var session = await database.OpenAsync(write: true))
        {
            await session.BeginWritingAsync();
            ours = await session.AddBodyAsync(new Body(0, "Администрация Льговского района", null, BodyLevel.Municipal, "46", null, new Territory("46", "Курская область"), null));
            theirs = await session.AddBodyAsync(new Body(0, "Администрация города Курска", null, BodyLevel.Municipal, "46", null, new Territory("46", "Курская область"), null));
            const string at = "'2026-11-30T09:00:00.000000Z'";
            await session.ExecuteAsync(
                $"""
                INSERT INTO cases (id, status, body_id, created_at, updated_at, message_count) VALUES
                  (1, 'assigned', {ours}, {at}, {at}, 2), (2, 'assigned', {theirs}, {at}, {at}, 1), (3, 'assigned', {ours}, {at}, {at}, 2);
                INSERT INTO messages (id, channel, external_id, text, received_at, case_id) VALUES
                  (1, 'test', 'm1', 'Курск: не горят фонари', {at}, 2),
                  (2, 'test', 'm2', 'Льгов: не горят фонари на Красной', {at}, 1),
                  (3, 'test', 'm3', 'Льгов: яма на дороге', {at}, 3),
                  (4, 'test', 'm4', 'Льгов: и яма у остановки', {at}, 1),
                  (5, 'test', 'm5', 'Льгов: фонарь у школы не горит', {at}, 3);
                """, default);
            await session.CommitAsync();
        }

        // The index as release 22 left it: FTS5's own rebuild from that release's view, keyed by message id.
        await using (var session = await database.OpenAsync(write: true))
        {
            await session.ExecuteAsync("INSERT INTO message_fts (message_fts) VALUES ('rebuild')", default);
            Assert.Equal([1L], await session.QueryAsync("SELECT min(rowid) FROM message_fts", r => r.GetInt64(0), default));
            await session.CommitAsync();
        }

        await using var server = await TestServer.StartAsync(path);
        var operatorClient = await server.ClientAsync(Role.Operator);
        var executor = await server.ClientAsync(Role.Executor, ours);
        var lights = "q=" + Uri.EscapeDataString("фонари");

        // Newest matching message first: case 3 (message 5), case 1 (message 2), case 2 (message 1).
        Assert.Equal([3, 1, 2], await IdsAsync(operatorClient, lights));
        Assert.Equal([3, 1, 2], await AllPagesAsync(operatorClient, "limit=1&" + lights));
        Assert.Equal([3, 1], await AllPagesAsync(executor, "limit=1&" + lights));
        Assert.Equal([1, 3], await IdsAsync(executor, "q=" + Uri.EscapeDataString("яма"))); // message 4, then 3

        var fresh = await operatorClient.OpenCaseAsync("Льгов: не горят фонари во дворе", "Администрация Льговского района");
        Assert.Equal([fresh, 3, 1], await IdsAsync(executor, lights));
        Assert.Equal([fresh, 3, 1, 2], await AllPagesAsync(operatorClient, "limit=2&" + lights));
        await AssertSearchIndexIntactAsync(server);
        await using var reader = await server.Database.OpenAsync(write: false);
        Assert.Equal([0L], await reader.QueryAsync("SELECT count(*) FROM message_fts WHERE rowid > 0", r => r.GetInt64(0), default));
    }

    /// <summary>
    /// Processing pending messages attaches them to cases, and the search index's trigger re-indexes each, one row at a
    /// time. With the index keyed newest first (migration 23) the rows must come in descending message id: FTS5 writes a
    /// segment whenever a rowid is not above the last one, so the attach's one UPDATE, which goes in ascending id, wrote
    /// a segment every few rows (this test saw 10 more segments, not at most 2, with the attach in ascending id).
    /// </summary>
    [Fact]
    public async Task Attaching_pending_messages_to_their_cases_reindexes_them_without_a_segment_each()
    {
        const int Pending = 40;
        await using var server = await TestServer.StartAsync(_folder.File("pending.db"));
        var ours = await server.AddBodyAsync("Администрация Льговского района");
        var executor = await server.ClientAsync(Role.Executor, ours);
        await using (var session = await server.Database.OpenAsync(write: true))
        {
            // FTS5's own merges off, so the segments the attach writes stay to be counted.
            await session.ExecuteAsync("INSERT INTO message_fts (message_fts, rank) VALUES ('automerge', 0)", default);
            await session.InsertMessagesAsync([.. Enumerable.Range(1, Pending).Select(i => new NewMessage("test", $"p{i}", $"Во дворе дома {i} не горят фонари",
                TestServer.Start, TopicHint: "Неработающее наружное освещение", BodyHint: "Администрация Льговского района"))]);
            await session.CommitAsync();
        }

        var before = await SegmentsAsync(server);
        Assert.Equal(Pending, await server.Service<Otklik.Processing.MessageProcessor>().ProcessPendingAsync());

        Assert.InRange(await SegmentsAsync(server) - before, 0, 2);
        Assert.Single(await AllPagesAsync(executor, "q=" + Uri.EscapeDataString("фонари"))); // one mass complaint
        await using (var reader = await server.Database.OpenAsync(write: false))
        {
            var scoped = $"\"{Otklik.Storage.Sqlite.SqliteScopeWords.Prefix('b', ours)}фонар\"*";
            Assert.Equal([(long)Pending], await reader.QueryAsync("SELECT count(*) FROM message_fts WHERE message_fts MATCH @q", r => r.GetInt64(0), default, ("q", scoped)));
        }

        await AssertSearchIndexIntactAsync(server);
    }

    private static async Task<long> SegmentsAsync(TestServer server)
    {
        await using var session = await server.Database.OpenAsync(write: false);
        return await Otklik.Storage.Sqlite.SqliteSearchIndex.SegmentsAsync(session, default);
    }
}
