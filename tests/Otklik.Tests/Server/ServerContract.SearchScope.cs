using Otklik.Access;
using Otklik.Processing;
using Otklik.Sla;
using Otklik.Storage.Cases;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

/// <summary>
/// An executor's search asks the search index for its bodies' messages only, by scope tokens the index holds beside the
/// text (migration 18). The tokens must follow every change of who owns a case: each of these fails if the path that
/// changes them does not update the index (the executor would miss its case, or find one it lost only through the
/// exact check, which these tests also cover by the operator's list).
/// </summary>
public abstract partial class ServerContract
{
    [Fact]
    public async Task An_executors_search_follows_its_cases_as_they_are_reassigned_to_it_and_away()
    {
        var server = await StartAsync();
        var ours = await server.AddBodyAsync("Администрация Льговского района");
        var theirs = await server.AddBodyAsync("Администрация города Курска");
        var operatorClient = await server.ClientAsync(Role.Operator);
        var own = await operatorClient.OpenCaseAsync("Льгов: не горят фонари на улице Красной", "Администрация Льговского района");
        var foreign = await operatorClient.OpenCaseAsync("Курск: не горят фонари на улице Ленина", "Администрация города Курска");
        var executor = await server.ClientAsync(Role.Executor, ours);
        var lights = "q=" + Uri.EscapeDataString("фонарей");

        Assert.Equal([own], await IdsAsync(executor, lights));

        await operatorClient.TransitionAsync(foreign, "reassign", "это Льговский район", ours).MustAsync();
        Assert.Equal([foreign, own], await IdsAsync(executor, lights));
        Assert.Equal([foreign, own], await AllPagesAsync(executor, "limit=1&" + lights));

        await operatorClient.TransitionAsync(own, "reassign", "это Курск", theirs).MustAsync();
        Assert.Equal([foreign], await IdsAsync(executor, lights));
        Assert.Equal([foreign], await IdsAsync(executor, "sort=due&" + lights));
        Assert.Equal([foreign, own], await IdsAsync(operatorClient, lights));
        await AssertSearchIndexIntactAsync(server);
    }

    [Fact]
    public async Task An_executors_search_finds_a_case_escalated_to_its_body()
    {
        var server = await StartAsync();
        var region = await server.AddBodyAsync("Комитет ЖКХ Курской области");
        var city = await server.AddBodyAsync("Комитет ЖКХ города Курска", region);
        var operatorClient = await server.ClientAsync(Role.Operator);
        var id = await operatorClient.OpenCaseAsync("Нет горячей воды в доме на улице Ленина", "Комитет ЖКХ города Курска");
        var regionExecutor = await server.ClientAsync(Role.Executor, region);
        var cityExecutor = await server.ClientAsync(Role.Executor, city);
        var water = "q=" + Uri.EscapeDataString("горячая вода");
        Assert.Empty(await IdsAsync(regionExecutor, water));

        // As the SLA test does: a reminder when the first clock runs out, the escalation when the second has too.
        server.Clock.Advance(TimeSpan.FromHours(25));
        await server.Service<SlaMonitor>().RunOnceAsync();
        server.Clock.Advance(TimeSpan.FromDays(8));
        await server.Service<SlaMonitor>().RunOnceAsync();
        Assert.Equal(region, (await regionExecutor.CaseAsync(id))!.Case.EscalatedToBodyId);

        Assert.Equal([id], await IdsAsync(regionExecutor, water));
        Assert.Equal([id], await IdsAsync(cityExecutor, water));
        await AssertSearchIndexIntactAsync(server);
    }

    [Fact]
    public async Task An_executors_search_finds_a_message_that_joined_its_case_after_it_was_stored()
    {
        var server = await StartAsync();
        var ours = await server.AddBodyAsync("Администрация Льговского района");
        var executor = await server.ClientAsync(Role.Executor, ours);
        await using (var session = await server.Database.OpenAsync(write: true))
        {
            // Stored pending (no case yet), so indexed without a scope; processing attaches it later.
            await session.InsertMessagesAsync([new NewMessage("test", "p1", "Во дворе не горят фонари", TestServer.Start,
                TopicHint: "Неработающее наружное освещение", BodyHint: "Администрация Льговского района")]);
            await session.CommitAsync();
        }

        Assert.Empty(await IdsAsync(executor, "q=" + Uri.EscapeDataString("фонари")));
        await server.Service<MessageProcessor>().ProcessPendingAsync();

        var all = await IdsAsync(executor, string.Empty);
        Assert.Single(all);
        Assert.Equal(all, await IdsAsync(executor, "q=" + Uri.EscapeDataString("фонари")));
        await AssertSearchIndexIntactAsync(server);
    }

    [Fact]
    public async Task A_typed_word_that_spells_a_scope_token_finds_nothing()
    {
        var server = await StartAsync();
        var ours = await server.AddBodyAsync("Администрация Льговского района");
        var operatorClient = await server.ClientAsync(Role.Operator);
        var own = await operatorClient.OpenCaseAsync("Не горят фонари на улице Красной", "Администрация Льговского района");
        var executor = await server.ClientAsync(Role.Executor, ours);
        Assert.Equal([own], await IdsAsync(executor, "q=" + Uri.EscapeDataString("фонари")));

        foreach (var typed in new[] { $"b{ours}", $"e{ours}", $"{SearchScopeSchema.SqliteMark}b{ours}", $"#b{ours}", $"фонари b{ours}" })
        {
            Assert.Empty(await IdsAsync(executor, "q=" + Uri.EscapeDataString(typed)));
            Assert.Empty(await IdsAsync(operatorClient, "q=" + Uri.EscapeDataString(typed)));
        }
    }

    [Fact]
    public async Task Retention_blanking_a_moved_cases_texts_keeps_the_scoped_index_consistent()
    {
        var server = await StartAsync();
        var ours = await server.AddBodyAsync("Администрация Льговского района");
        var theirs = await server.AddBodyAsync("Администрация города Курска");
        var operatorClient = await server.ClientAsync(Role.Operator);
        var moved = await operatorClient.OpenCaseAsync("Не горят фонари на улице Красной", "Администрация города Курска");
        var kept = await operatorClient.OpenCaseAsync("Опять не горят фонари у школы", "Администрация Льговского района");
        await operatorClient.TransitionAsync(moved, "reassign", "это Льговский район", ours).MustAsync();
        var executor = await server.ClientAsync(Role.Executor, ours);
        Assert.Equal([kept, moved], await IdsAsync(executor, "q=" + Uri.EscapeDataString("фонари")));
        Assert.Empty(await IdsAsync(await server.ClientAsync(Role.Executor, theirs), "q=" + Uri.EscapeDataString("фонари")));

        await using (var session = await server.Database.OpenAsync(write: true))
        {
            await session.ExecuteAsync("UPDATE messages SET text = '' WHERE case_id = @id", default, ("id", moved));
            await session.CommitAsync();
        }

        Assert.Equal([kept], await IdsAsync(executor, "q=" + Uri.EscapeDataString("фонари")));
        await AssertSearchIndexIntactAsync(server);
    }

    protected static async Task<List<long>> IdsAsync(HttpClient client, string query) =>
        [.. (await client.CasesAsync(query)).Items.Select(c => c.Id)];

    /// <summary>
    /// SQLite: FTS5 checks its index against the content view (rank 1), text and scope tokens alike: a path that told it
    /// to delete other values than it holds leaves stale tokens without an error until this check.
    /// </summary>
    protected static async Task AssertSearchIndexIntactAsync(TestServer server)
    {
        if (server.Database.Dialect.Name != "sqlite")
        {
            return;
        }

        await using var session = await server.Database.OpenAsync(write: true);
        await session.ExecuteAsync("INSERT INTO message_fts (message_fts, rank) VALUES ('integrity-check', 1)", default);
        await session.CommitAsync();
    }
}
