using System.Net;
using Otklik.Access;
using Otklik.Storage.Cases;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task A_period_lists_cases_newest_created_first_on_every_page_even_when_ids_disagree()
    {
        var server = await StartAsync();
        await server.AddBodyAsync("Комитет дорожного хозяйства");
        var client = await server.ClientAsync(Role.Operator);
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await client.OpenCaseAsync($"Яма на дороге у дома {i * 7919}", "Комитет дорожного хозяйства", $"Тема {i}"));
        }

        // Imported history and concurrent writers give creation times out of id order; two share one time.
        int[] hours = [6, 2, 2, 0, 5, 3, 20];
        await using (var session = await server.Database.OpenAsync(write: true))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                await session.ExecuteAsync("UPDATE cases SET created_at = @at WHERE id = @id", default,
                    ("at", session.T(TestServer.Start.AddHours(hours[i]))), ("id", ids[i]));
            }

            await session.CommitAsync();
        }

        var period = $"from={Uri.EscapeDataString(TestServer.Start.ToString("O"))}&to={Uri.EscapeDataString(TestServer.Start.AddHours(10).ToString("O"))}";
        long[] expected = [ids[0], ids[4], ids[5], ids[2], ids[1], ids[3]];
        foreach (var limit in new[] { 1, 2, 4, 50 })
        {
            Assert.Equal(expected, await AllPagesAsync(client, $"limit={limit}&{period}"));
        }

        Assert.Equal([ids[4], ids[5], ids[2], ids[1], ids[3]],
            await AllPagesAsync(client, $"limit=2&from={Uri.EscapeDataString(TestServer.Start.ToString("O"))}&to={Uri.EscapeDataString(TestServer.Start.AddHours(5.5).ToString("O"))}"));

        // A cursor belongs to its order: the period's cursor is refused by the list without a period, and the other way round.
        var periodCursor = (await client.CasesAsync($"limit=2&{period}")).NextCursor!;
        var plainCursor = (await client.CasesAsync("limit=2")).NextCursor!;
        var refused = await client.GetAsync("/api/cases?limit=2&cursor=" + periodCursor);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cursor", (await refused.ProblemAsync()).GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/cases?limit=2&{period}&cursor={plainCursor}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/cases?limit=2&sort=due&cursor={plainCursor}")).StatusCode);
    }

    [Fact]
    public async Task An_executors_list_holds_its_bodies_and_the_cases_escalated_to_them_in_order_on_every_page()
    {
        var server = await StartAsync();
        var parent = await server.AddBodyAsync("Управление ЖКХ");
        var child = await server.AddBodyAsync("Отдел ЖКХ в Льгове", parent);
        var other = await server.AddBodyAsync("Комитет дорожного хозяйства");
        var operatorClient = await server.ClientAsync(Role.Operator);
        var ids = new List<long>();
        string[] bodies = ["Управление ЖКХ", "Отдел ЖКХ в Льгове", "Комитет дорожного хозяйства"];
        for (var i = 0; i < 15; i++)
        {
            ids.Add(await operatorClient.OpenCaseAsync($"Протекает крыша в доме {i * 7919}", bodies[i % 3], $"Тема {i}"));
            if (i % 4 != 0)
            {
                // Some cases share a creation time and so a deadline: the order falls back to the id.
                server.Clock.Advance(TimeSpan.FromHours(3));
            }
        }

        // Escalations to the parent: two of the other body's cases, and one of the child's (already in scope: listed once).
        await using (var session = await server.Database.OpenAsync(write: true))
        {
            await session.SetSlaFlagsAsync(ids[2], SlaFlags.Escalated, parent);
            await session.SetSlaFlagsAsync(ids[11], SlaFlags.Escalated, parent);
            await session.SetSlaFlagsAsync(ids[4], SlaFlags.Escalated, parent);
            await session.CommitAsync();
        }

        await operatorClient.TransitionAsync(ids[5], "reject", "спам").MustAsync();
        var all = (await operatorClient.CasesAsync("limit=200")).Items;
        Assert.Equal(15, all.Count);
        var executor = await server.ClientAsync(Role.Executor, parent, includeChildBodies: true);
        long[] scope = [parent, child];
        var visible = all.Where(c => scope.Contains(c.BodyId ?? 0) || scope.Contains(c.EscalatedToBodyId ?? 0)).ToList();
        Assert.Equal(12, visible.Count);
        var byDue = visible.OrderBy(c => c.AnswerDue).ThenBy(c => c.Id).Select(c => c.Id).ToList();
        var open = visible.Where(c => c.Id != ids[5]).ToList();
        var from = TestServer.Start.AddHours(4);
        var to = TestServer.Start.AddHours(25);
        var period = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        foreach (var limit in new[] { 1, 2, 5 })
        {
            Assert.Equal(visible.Select(c => c.Id).OrderDescending(), await AllPagesAsync(executor, $"limit={limit}"));
            Assert.Equal(byDue, await AllPagesAsync(executor, $"limit={limit}&sort=due"));
            Assert.Equal(open.OrderBy(c => c.AnswerDue).ThenBy(c => c.Id).Select(c => c.Id),
                await AllPagesAsync(executor, $"limit={limit}&sort=due&status=new,assigned,inProgress,reopened"));
            Assert.Equal(
                visible.Where(c => c.CreatedAt >= from && c.CreatedAt < to).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(c => c.Id),
                await AllPagesAsync(executor, $"limit={limit}&{period}"));
        }

        Assert.Equal(visible.Where(c => c.BodyId == child).Select(c => c.Id).OrderDescending(), await AllPagesAsync(executor, $"limit=2&bodyId={child}"));
        Assert.Empty((await executor.CasesAsync($"bodyId={other}&status=rejected")).Items);
    }

    [Fact]
    public async Task The_overdue_list_shows_the_most_recently_overdue_first_on_every_page_for_operators_and_executors()
    {
        var server = await StartAsync();
        var parent = await server.AddBodyAsync("Управление ЖКХ");
        var child = await server.AddBodyAsync("Отдел ЖКХ в Льгове", parent);
        var operatorClient = await server.ClientAsync(Role.Operator);
        var ids = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await operatorClient.OpenCaseAsync($"Протекает крыша в доме {i * 7919}", i % 2 == 0 ? "Управление ЖКХ" : "Отдел ЖКХ в Льгове", $"Тема {i}"));
        }

        // Deadlines out of id order: a case falls overdue at the earlier due time of its running clocks, so a first reply
        // given moves it to the full answer's. Two fall overdue at one time (the id decides), one is not due yet, one has
        // no clock, one is not open.
        (double? FirstReplyDue, double? FirstReplyAt, double? AnswerDue)[] clocks =
        [
            (1, null, 10), (2, 1, 8), (5, null, 5), (6, null, 5), (30, null, 40), (null, null, null), (12, 11, 12.5), (3, null, 4),
        ];
        await using (var session = await server.Database.OpenAsync(write: true))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                await session.ExecuteAsync("UPDATE cases SET first_reply_due = @frd, first_reply_at = @fra, answer_due = @ad WHERE id = @id", default,
                    ("frd", At(clocks[i].FirstReplyDue)), ("fra", At(clocks[i].FirstReplyAt)), ("ad", At(clocks[i].AnswerDue)), ("id", ids[i]));
            }

            await session.CommitAsync();

            object? At(double? hours) => session.T(hours is { } h ? TestServer.Start.AddHours(h) : null);
        }

        await operatorClient.TransitionAsync(ids[7], "reject", "спам").MustAsync();
        server.Clock.Advance(TimeSpan.FromHours(20));
        long[] expected = [ids[6], ids[1], ids[3], ids[2], ids[0]];
        var executor = await server.ClientAsync(Role.Executor, parent, includeChildBodies: true);
        var childExecutor = await server.ClientAsync(Role.Executor, child);
        foreach (var limit in new[] { 1, 2, 3, 50 })
        {
            Assert.Equal(expected, await AllPagesAsync(operatorClient, $"limit={limit}&overdue=true"));
            Assert.Equal(expected, await AllPagesAsync(executor, $"limit={limit}&overdue=true"));
            Assert.Equal([ids[1], ids[3]], await AllPagesAsync(childExecutor, $"limit={limit}&overdue=true"));
        }

        Assert.All((await operatorClient.CasesAsync("overdue=true")).Items, c => Assert.True(c.Overdue));

        // The overdue order's cursor is refused by the newest-first list, and the other way round.
        var overdueCursor = (await operatorClient.CasesAsync("limit=2&overdue=true")).NextCursor!;
        var plainCursor = (await operatorClient.CasesAsync("limit=2")).NextCursor!;
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorClient.GetAsync("/api/cases?limit=2&cursor=" + overdueCursor)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorClient.GetAsync("/api/cases?limit=2&overdue=true&cursor=" + plainCursor)).StatusCode);
    }
}
