using System.Net;
using System.Net.Http.Json;
using Otklik.Access;
using Otklik.Analytics;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task The_dashboards_open_and_overdue_counts_follow_cases_as_they_are_answered_moved_and_reopened()
    {
        var server = await StartAsync();
        var roads = await server.AddBodyAsync("Комитет дорожного хозяйства");
        var housing = await server.AddBodyAsync("Комитет ЖКХ");
        var client = await server.ClientAsync(Role.Operator);
        var first = await client.OpenCaseAsync("Яма на дороге у школы", "Комитет дорожного хозяйства");
        var second = await client.OpenCaseAsync("Не вывозят мусор во дворе", "Комитет дорожного хозяйства");
        var third = await client.OpenCaseAsync("Протекает крыша в подъезде", "Комитет ЖКХ");
        await AssertOpenCountsAsync(client, (roads, 2, 0), (housing, 1, 0));

        server.Clock.Advance(TimeSpan.FromHours(25));
        await AssertOpenCountsAsync(client, (roads, 2, 2), (housing, 1, 1));

        await client.AnswerAsync(first, "Яму засыпали").MustAsync();
        await client.TransitionAsync(second, "reassign", "это вопрос ЖКХ", housing).MustAsync();
        await AssertOpenCountsAsync(client, (housing, 2, 2));

        // Folding the appended rows changes nothing a reader sees.
        await using (var session = await server.Database.OpenAsync(write: true))
        {
            Assert.NotNull(await session.CompactOpenCountsAsync(0));
            await session.CommitAsync();
        }

        await AssertOpenCountsAsync(client, (housing, 2, 2));
        await client.PostAsJsonAsync($"/api/cases/{first}/feedback", new { @fixed = false, comment = "яма осталась" }, Api.Json);
        await client.TransitionAsync(third, "reject", "спам").MustAsync();
        await AssertOpenCountsAsync(client, (roads, 1, 0), (housing, 1, 1));
    }

    [Fact]
    public async Task Every_page_of_every_list_order_and_filter_holds_the_cases_a_full_scan_would()
    {
        var server = await StartAsync();
        await server.AddBodyAsync("Комитет дорожного хозяйства");
        var client = await server.ClientAsync(Role.Operator);
        string[] texts =
        [
            "Яма на дороге у школы", "Не горят фонари во дворе", "Сломан светофор на перекрёстке", "Нет разметки у остановки",
            "Провал асфальта на мосту", "Лужа не уходит неделю", "Упал знак на обочину",
        ];
        var ids = new List<long>();
        foreach (var text in texts)
        {
            ids.Add(await client.OpenCaseAsync(text, "Комитет дорожного хозяйства"));
            server.Clock.Advance(TimeSpan.FromHours(5));
        }

        await client.AnswerAsync(ids[1], "Засыпали").MustAsync();
        await client.TransitionAsync(ids[2], "reject", "спам").MustAsync();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var open = ids.Where((_, i) => i is not (1 or 2)).ToList();

        Assert.Equal(Enumerable.Reverse(ids), await AllPagesAsync(client, "limit=2"));
        Assert.Equal(Enumerable.Reverse(open), await AllPagesAsync(client, "limit=2&status=new,assigned,inProgress,reopened"));
        Assert.Equal(open, await AllPagesAsync(client, "limit=2&status=new,assigned,inProgress,reopened&sort=due"));
        var from = Uri.EscapeDataString(TestServer.Start.AddHours(9).ToString("O"));
        var to = Uri.EscapeDataString(TestServer.Start.AddHours(21).ToString("O"));
        Assert.Equal([ids[4], ids[3], ids[2]], await AllPagesAsync(client, $"limit=2&from={from}&to={to}"));
        server.Clock.Advance(TimeSpan.FromHours(10));
        var overdue = (await client.CasesAsync("limit=200")).Items.Where(c => c.Overdue).Select(c => c.Id).ToList();
        Assert.InRange(overdue.Count, 1, open.Count - 1);
        Assert.Equal(overdue, await AllPagesAsync(client, "limit=2&overdue=true"));
    }

    [Fact]
    public async Task Every_page_of_a_full_text_search_holds_the_cases_a_full_scan_would()
    {
        var server = await StartAsync();
        var client = await server.ClientAsync(Role.Operator);
        var integrator = await server.ClientAsync(Role.Integrator);
        // Sixty cases (a topic each, so none joins another), every third about street lights: enough for the search to
        // read its index in several windows at a page of two, and to settle some pages early and others only at the end.
        await integrator.SendBatchAsync(Enumerable.Range(1, 60).Select(i => Api.Message(
            (i % 3 == 0 ? "Не горят фонари у дома " : "Яма на дороге у дома ") + i + " " + (i * 7919), $"Тема {i}", "Администрация")).ToArray());
        var all = (await client.CasesAsync("limit=200")).Items;
        Assert.Equal(60, all.Count);
        foreach (var rejected in all.Where(c => c.Id % 5 == 0))
        {
            await client.TransitionAsync(rejected.Id, "reject", "спам").MustAsync();
        }

        var lights = all.Where(c => c.Title.Contains("фонари", StringComparison.Ordinal)).Select(c => c.Id).ToList();
        var q = "q=" + Uri.EscapeDataString("фонарей");
        Assert.Equal(20, lights.Count);
        Assert.Equal(lights, await AllPagesAsync(client, "limit=2&" + q));
        Assert.Equal(lights.Where(id => id % 5 == 0), await AllPagesAsync(client, "limit=2&status=rejected&" + q));
        Assert.Equal(lights.Where(id => id % 5 != 0).Take(3), (await client.CasesAsync("limit=3&status=new,assigned&" + q)).Items.Select(c => c.Id));
        Assert.Equal(lights.Order(), await AllPagesAsync(client, "limit=2&sort=due&" + q));
        Assert.Equal(all.Select(c => c.Id).Except(lights), await AllPagesAsync(client, "limit=7&q=" + Uri.EscapeDataString("дороги")));
        Assert.Empty((await client.CasesAsync("q=" + Uri.EscapeDataString("фонари крыша"))).Items);
    }

    [Fact]
    public async Task A_full_text_list_puts_cases_by_their_newest_matching_message_and_no_page_repeats_one_that_matched_again()
    {
        // Read by the operator (the index walked newest match first) and by the body's executor (a scoped search, which
        // PostgreSQL groups by case in one statement): the same cases in the same order.
        var server = await StartAsync();
        var client = await server.ClientAsync(Role.Operator);
        var integrator = await server.ClientAsync(Role.Integrator);
        // At a page of two the search reads its index 16 matches at a time. Thirty one-message cases (every third about
        // street lights), then a lights case (Y) and a pothole case (X) that gathers twelve more messages, then six late
        // messages joining each of three old lights cases (3, 6, 9): their newest matches put them first, and their
        // original messages, read again in later windows below the cursor, must not show them again. Then a new lights
        // case (Z) gathers twenty: its messages alone fill a window.
        static string Lights(int i) => $"Во дворе дома {i} по улице Ленина третий день не горят фонари, вечером темно и страшно ходить";
        static string Pothole(int i) => $"Во дворе дома {i} по улице Садовой огромная яма на дороге, машины ломают колёса каждый день";
        var single = await integrator.SendBatchAsync(Enumerable.Range(1, 30).Select(i =>
            Api.Message(i % 3 == 0 ? Lights(i) : Pothole(i), $"Тема {i}", "Администрация")).ToArray());
        long Single(int i) => single.Results[i - 1].CaseId!.Value;
        var executor = await server.ClientAsync(Role.Executor, (await client.CasesAsync("limit=1")).Items.Single().BodyId);
        HttpClient[] readers = [client, executor];
        var y = (await integrator.SendAsync(Api.Message(Lights(100), "Тема Y", "Администрация"))).CaseId!.Value;
        var x = (await integrator.SendAsync(Api.Message(Pothole(200), "Тема X", "Администрация"))).CaseId!.Value;
        await JoinAsync(integrator, Pothole(200), "Тема X", 12, x);
        foreach (var old in new[] { 3, 6, 9 })
        {
            await JoinAsync(integrator, Lights(old), $"Тема {old}", 6, Single(old));
        }

        // Newest match first: the joined cases in the order they were joined to (last first), then Y, then the rest.
        List<long> lights = [Single(9), Single(6), Single(3), y, .. new[] { 30, 27, 24, 21, 18, 15, 12 }.Select(Single)];
        var q = "q=" + Uri.EscapeDataString("фонари");
        foreach (var reader in readers)
        {
            Assert.Equal(lights, await AllPagesAsync(reader, "limit=2&" + q));
            Assert.Equal(lights, await AllPagesAsync(reader, "limit=1&q=" + Uri.EscapeDataString("ФОНАРЕЙ!!")));
            Assert.Equal(lights, await AllPagesAsync(reader, "limit=3&q=" + Uri.EscapeDataString("горят фонари")));
            Assert.Equal([x], await AllPagesAsync(reader, "limit=2&topic=" + Uri.EscapeDataString("Тема X") + "&q=" + Uri.EscapeDataString("яма")));
            Assert.Equal(lights.Order(), await AllPagesAsync(reader, "limit=2&sort=due&" + q));
        }

        var top = (await client.CasesAsync("limit=3&" + q)).Items;
        Assert.Equal(lights.Take(3), top.Select(c => c.Id));
        // A case that grew still shows the message that opened it, not a later one.
        Assert.Equal([Lights(9), Lights(6), Lights(3)], top.Select(c => c.Title));
        Assert.Equal(Pothole(200), (await client.CasesAsync("limit=1&topic=" + Uri.EscapeDataString("Тема X"))).Items.Single().Title);
        foreach (var rejected in new[] { y, Single(6), Single(12), x })
        {
            await client.TransitionAsync(rejected, "reject", "спам").MustAsync();
        }

        foreach (var reader in readers)
        {
            Assert.Equal([Single(6), y, Single(12)], await AllPagesAsync(reader, "limit=2&status=rejected&" + q));
            Assert.Equal(lights.Except([y, Single(6), Single(12)]), await AllPagesAsync(reader, "limit=2&status=assigned&" + q));
        }

        var z = (await integrator.SendAsync(Api.Message(Lights(300), "Тема Z", "Администрация"))).CaseId!.Value;
        await JoinAsync(integrator, Lights(300), "Тема Z", 20, z);
        foreach (var reader in readers)
        {
            Assert.Equal(lights.Prepend(z), await AllPagesAsync(reader, "limit=2&" + q));
            Assert.Equal([z, Single(9), Single(6)], (await reader.CasesAsync("limit=3&" + q)).Items.Select(c => c.Id));
        }

        // A search's cursor is refused by the list without the search, and the other way round.
        var searchCursor = (await client.CasesAsync("limit=2&" + q)).NextCursor!;
        var plainCursor = (await client.CasesAsync("limit=2")).NextCursor!;
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/cases?limit=2&cursor=" + searchCursor)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/cases?limit=2&{q}&cursor={plainCursor}")).StatusCode);

        // A message joining an old case moves it to the top of the next first page.
        await JoinAsync(integrator, Lights(15), "Тема 15", 1, Single(15));
        foreach (var reader in readers)
        {
            Assert.Equal([Single(15), z], (await reader.CasesAsync("limit=2&" + q)).Items.Select(c => c.Id));
        }
        Assert.Empty((await client.CasesAsync("limit=2&q=" + Uri.EscapeDataString("фонари колёса"))).Items);
    }

    [Fact]
    public async Task A_full_text_list_whose_filters_skip_the_newest_thousand_matches_still_finds_the_older_ones()
    {
        var server = await StartAsync();
        var client = await server.ClientAsync(Role.Operator);
        var integrator = await server.ClientAsync(Role.Integrator);
        // At a page of one the search reads 16, 128 and 1,024 of the newest matches, then hands over to one statement
        // over all of them. Two rejected cases, then 1,200 newer ones: the index's windows never reach the two. A topic
        // each, so none joins another.
        static Otklik.Server.Apis.MessageInput Lights(int i) => Api.Message($"Не горят фонари у дома {i} на улице {i * 7919}", $"Тема {i}", "Администрация");
        var wanted = await integrator.SendBatchAsync([Lights(1), Lights(2)]);
        foreach (var id in wanted.Results.Select(r => r.CaseId!.Value))
        {
            await client.TransitionAsync(id, "reject", "спам").MustAsync();
        }

        for (var batch = 0; batch < 3; batch++)
        {
            await integrator.SendBatchAsync(Enumerable.Range(3 + (batch * 400), 400).Select(Lights).ToArray());
        }

        var rejected = "status=rejected&q=" + Uri.EscapeDataString("фонари");
        var expected = wanted.Results.Select(r => r.CaseId!.Value).Reverse().ToList();
        Assert.Equal(expected, await AllPagesAsync(client, "limit=1&" + rejected));
        Assert.Equal(expected, await AllPagesAsync(client, "limit=5&" + rejected));
        Assert.Equal(1202, (await AllPagesAsync(client, "limit=200&q=" + Uri.EscapeDataString("фонари"))).Distinct().Count());
    }

    /// <summary>Sends <paramref name="count"/> near-duplicates of <paramref name="text"/> and checks each joined <paramref name="caseId"/>.</summary>
    private static async Task JoinAsync(HttpClient integrator, string text, string topic, int count, long? caseId)
    {
        var joined = await integrator.SendBatchAsync(Enumerable.Range(1, count).Select(k => Api.Message($"Присоединяюсь {k}! {text}!!!", topic, "Администрация")).ToArray());
        Assert.All(joined.Results, r => Assert.Equal(caseId, r.CaseId));
    }

    protected static async Task<List<long>> AllPagesAsync(HttpClient client, string query)
    {
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = await client.CasesAsync(query + (cursor is null ? string.Empty : "&cursor=" + cursor));
            // A page that repeats a case fails here: a cursor that keeps bringing the same cases back would page forever.
            Assert.DoesNotContain(page.Items, c => ids.Contains(c.Id));
            ids.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return ids;
    }

    /// <summary>The dashboard's open and overdue numbers per body and in total, checked against the case list itself.</summary>
    private static async Task AssertOpenCountsAsync(HttpClient client, params (long Body, long Open, long Overdue)[] expected)
    {
        var dashboard = (await client.GetFromJsonAsync<Dashboard>("/api/analytics/dashboard", Api.Json))!;
        var actual = dashboard.Bodies.Where(b => b.OpenNow > 0).Select(b => (b.BodyId ?? 0, b.OpenNow, b.OverdueNow)).OrderBy(b => b.Item1);
        Assert.Equal(expected.OrderBy(e => e.Body), actual);
        Assert.Equal((expected.Sum(e => e.Open), expected.Sum(e => e.Overdue)), (dashboard.Totals.OpenNow, dashboard.Totals.OverdueNow));
        var listed = await AllPagesAsync(client, "limit=200&status=new,assigned,inProgress,reopened");
        var overdue = await AllPagesAsync(client, "limit=200&overdue=true");
        Assert.Equal((listed.Count, overdue.Count), (dashboard.Totals.OpenNow, dashboard.Totals.OverdueNow));
    }
}
