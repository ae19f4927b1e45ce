using System.Globalization;
using Otklik.Access;
using Otklik.Model;
using Otklik.Processing;
using Otklik.Server.Apis;
using Otklik.Storage.Cases;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task Two_writers_racing_on_one_complaint_make_one_case_with_all_its_messages()
    {
        var server = await StartAsync();
        await RegisterBodyAsync(server);
        var integrator = await server.ClientAsync(Role.Integrator);
        var meet = MeetInTransactions(server);

        var batches = await RaceAsync(meet, [(integrator, Complaints(0, 5)), (integrator, Complaints(5, 5))], [.. Enumerable.Range(2, 8).Select(b => (integrator, Complaints(b * 5, 5)))]);

        await AssertOneCaseAsync(server, batches, 50, meet);
    }

    [Fact]
    public async Task Two_processes_racing_on_one_complaint_make_one_case_with_all_its_messages()
    {
        var one = await StartAsync();
        var two = await StartAsync(sameDatabase: true);
        await RegisterBodyAsync(one);
        var meet = MeetInTransactions(one, two);
        var first = await one.ClientAsync(Role.Integrator);
        // Users are named per server: the second server's client calls with a key the first made.
        var second = two.Anonymous();
        second.DefaultRequestHeaders.Add("X-Api-Key", await one.KeyAsync(Role.Integrator));

        var batches = await RaceAsync(meet, [(first, Complaints(0, 5)), (second, Complaints(5, 5))],
            [.. Enumerable.Range(2, 8).Select(b => (b % 2 == 0 ? first : second, Complaints(b * 5, 5)))]);

        await AssertOneCaseAsync(one, batches, 50, meet);
    }

    [Fact]
    public async Task A_message_two_writers_store_at_once_is_a_duplicate_of_the_one_committed_with_its_case()
    {
        var server = await StartAsync();
        await RegisterBodyAsync(server);
        var integrator = await server.ClientAsync(Role.Integrator);
        var repeated = Api.Message(Different[1], body: "Администрация");
        var postgres = server.Database.Dialect is PostgresDialect;
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawWaiter = false;
        if (postgres)
        {
            // The first transaction stops before committing until the second waits for its copy of the key.
            var once = 0;
            server.Service<MessageProcessor>().BeforeCheck = async () =>
            {
                if (Interlocked.Exchange(ref once, 1) == 0)
                {
                    inside.SetResult();
                    sawWaiter = await LockWaiterAsync(server);
                }
            };
        }

        var firstSent = Post(integrator, repeated, Api.Message(Different[2], body: "Администрация"));
        // SQLite writes one transaction at a time: there the first is simply written first.
        await (postgres ? inside.Task.WaitAsync(TimeSpan.FromSeconds(10)) : firstSent);

        // Resent under another topic: a key of its own, so only the store's unique key can tell it is the same message.
        var second = await ResultAsync(await Post(integrator, Api.Message(Different[3], body: "Администрация"), repeated with { Topic = "Вывоз мусора" }));
        var first = await ResultAsync(await firstSent);

        Assert.Equal(postgres, sawWaiter);
        Assert.Equal(["accepted", "accepted"], first.Results.Select(r => r.Status));
        Assert.Equal(["accepted", "duplicate"], second.Results.Select(r => r.Status));
        Assert.Equal((first.Results[0].MessageId, first.Results[0].CaseId), (second.Results[1].MessageId, second.Results[1].CaseId));
        Assert.NotNull(second.Results[0].CaseId);
        Assert.Equal(1, (await integrator.CaseAsync(first.Results[0].CaseId!.Value))!.Case.MessageCount);
        Assert.Equal(3, (await (await server.ClientAsync(Role.Analyst)).CasesAsync()).Items.Count);
        await using var session = await server.Database.OpenAsync(write: false);
        Assert.Equal(0, await session.CountPendingAsync());
    }

    [Fact]
    public async Task A_rollup_refresh_waits_for_a_writer_in_flight_so_a_case_committed_late_is_still_counted()
    {
        if (await StartOnPostgresWithOneCaseAsync() is not var (server, integrator))
        {
            // SQLite's one writer commits ids in order: a watermark never passes an uncommitted one.
            return;
        }

        var dashboard = server.Service<Otklik.Analytics.DashboardReader>();
        await dashboard.RefreshAsync();
        var (inside, release) = HoldFirstWriterAtItsCheck(server);

        // The held writer took its case id first; the other writer's case, with a higher id, commits before it.
        var late = Post(integrator, Api.Message(Different[1], body: "Администрация"));
        await inside.WaitAsync(TimeSpan.FromSeconds(10));
        await integrator.SendBatchAsync(Api.Message(Different[2], topic: "Вывоз мусора", body: "Администрация"));
        var refresh = dashboard.RefreshAsync();
        await Task.Delay(500);
        var waited = !refresh.IsCompleted;
        release.SetResult();
        await ResultAsync(await late);
        await refresh;
        await dashboard.RefreshAsync();

        await using var session = await server.Database.OpenAsync(write: false);
        Assert.Equal(3L, Convert.ToInt64(await session.ScalarAsync("SELECT SUM(cases) FROM analytics_daily", default), CultureInfo.InvariantCulture));
        Assert.True(waited, "the refresh read its watermarks while a writer was in flight");
    }

    /// <summary>
    /// On PostgreSQL (null on SQLite, whose one writer commits in order): a server with the messages' body registered and
    /// one case already written, and its integrator client, for the tests of writers in flight.
    /// </summary>
    private async Task<(TestServer Server, HttpClient Integrator)?> StartOnPostgresWithOneCaseAsync()
    {
        var server = await StartAsync();
        if (server.Database.Dialect is not PostgresDialect)
        {
            return null;
        }

        await RegisterBodyAsync(server);
        var integrator = await server.ClientAsync(Role.Integrator);
        await integrator.SendBatchAsync(Api.Message(Different[0], body: "Администрация"));
        return (server, integrator);
    }

    /// <summary>
    /// Holds the first writing transaction that reaches its check before commit (its case and event ids taken) until
    /// <c>Release</c> is set; <c>Inside</c> completes once it is held. Later transactions pass.
    /// </summary>
    private static (Task Inside, TaskCompletionSource Release) HoldFirstWriterAtItsCheck(TestServer server)
    {
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var once = 0;
        server.Service<MessageProcessor>().BeforeCheck = async () =>
        {
            if (Interlocked.Exchange(ref once, 1) == 0)
            {
                inside.SetResult();
                await release.Task;
            }
        };
        return (inside.Task, release);
    }

    /// <summary>
    /// The body the messages name, registered before they race: a body added on the way is inserted in the writing
    /// transaction, and a second transaction adding it too would wait for the first to commit instead of racing it.
    /// </summary>
    private static async Task RegisterBodyAsync(TestServer server)
    {
        await using var session = await server.Database.OpenAsync(write: true);
        await session.AddBodyAsync(new Body(0, "Администрация", null, BodyLevel.Other, null, null, Territory.Unknown, null));
        await session.CommitAsync();
    }

    /// <summary>Near-duplicates of one complaint (same topic, body and place), <paramref name="count"/> of them from number <paramref name="from"/>.</summary>
    private static MessageInput[] Complaints(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => Api.Message(Rubbish + " Жалоба " + i.ToString(CultureInfo.InvariantCulture) + ".", body: "Администрация"))];

    /// <summary>
    /// PostgreSQL: the servers' writing transactions meet before their checks (the first two hold until both are
    /// there); null on SQLite, whose one write lock never lets two transactions write at once.
    /// </summary>
    private static Rendezvous? MeetInTransactions(params TestServer[] servers)
    {
        if (servers[0].Database.Dialect is not PostgresDialect)
        {
            return null;
        }

        var meet = new Rendezvous(2);
        foreach (var server in servers)
        {
            server.Service<MessageProcessor>().BeforeCheck = meet.ArriveAsync;
        }

        return meet;
    }

    /// <summary>
    /// Sends the two racing batches so that each is in its own transaction at once (the second once the first is
    /// inside its transaction), then the others all at once; returns every batch's result.
    /// </summary>
    private static async Task<List<BatchResult>> RaceAsync(
        Rendezvous? meet, (HttpClient Client, MessageInput[] Messages)[] racing, (HttpClient Client, MessageInput[] Messages)[] rest)
    {
        var sent = new List<Task<HttpResponseMessage>> { Post(racing[0].Client, racing[0].Messages) };
        if (meet is not null)
        {
            await WaitUntilAsync(() => Task.FromResult(meet.Arrived >= 1));
        }

        sent.Add(Post(racing[1].Client, racing[1].Messages));
        sent.AddRange(rest.Select(b => Post(b.Client, b.Messages)));
        var results = new List<BatchResult>();
        foreach (var response in await Task.WhenAll(sent))
        {
            results.Add(await ResultAsync(response));
        }

        return results;
    }

    private static async Task AssertOneCaseAsync(TestServer server, List<BatchResult> batches, int messages, Rendezvous? meet)
    {
        Assert.True(meet is null || meet.Met, "the two racing transactions were never in flight at once");
        var results = batches.SelectMany(b => b.Results).ToList();
        Assert.Equal(messages, results.Count(r => r.Status == "accepted"));
        var caseId = Assert.Single(results.Select(r => r.CaseId).Distinct());
        var analyst = await server.ClientAsync(Role.Analyst);
        Assert.Single((await analyst.CasesAsync()).Items);
        Assert.Equal(messages, (await analyst.CaseAsync(caseId!.Value))!.Case.MessageCount);
        await using var session = await server.Database.OpenAsync(write: false);
        Assert.Equal(0, await session.CountPendingAsync());
    }

    /// <summary>Whether, within 10 s, <paramref name="count"/> other connections to the server's database wait for a lock at once.</summary>
    private static async Task<bool> LockWaiterAsync(TestServer server, int count = 1)
    {
        await using var session = await server.Database.OpenAsync(write: false);
        for (var i = 0; i < 500; i++)
        {
            var waiting = await session.ScalarAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()", default);
            if (Convert.ToInt64(waiting, CultureInfo.InvariantCulture) >= count)
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
