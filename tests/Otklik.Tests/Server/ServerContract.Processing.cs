using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Otklik.Access;
using Otklik.Model;
using Otklik.Processing;
using Otklik.Server.Apis;
using Otklik.Storage;
using Otklik.Storage.Cases;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task A_labeled_message_becomes_a_case_assigned_to_its_body_with_both_deadlines()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);

        var result = await integrator.SendAsync(Api.Message("Не горят фонари на улице Союзной", body: "Администрация города Курска"));

        Assert.Equal("accepted", result.Status);
        var c = (await integrator.CaseAsync(result.CaseId!.Value))!.Case;
        Assert.Equal(CaseStatus.Assigned, c.Status);
        Assert.Equal("Администрация города Курска", c.BodyName);
        Assert.Equal(TestServer.Start.AddHours(24), c.FirstReplyDue);
        Assert.Equal(TestServer.Start.AddDays(8), c.AnswerDue);
        Assert.False(c.Overdue);
    }

    [Fact]
    public async Task The_same_message_sent_twice_is_one_message_and_one_case()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);
        var message = Api.Message("Яма на дороге у дома 5", body: "Комитет дорожного хозяйства");

        var first = await integrator.SendBatchAsync(message, message with { ExternalId = message.ExternalId + "b", Text = "Совсем другое: нет воды" });
        var again = await integrator.SendBatchAsync(message);

        Assert.Equal(2, first.Accepted);
        Assert.Equal(0, again.Accepted);
        Assert.Equal(1, again.Duplicates);
        Assert.Equal("duplicate", again.Results[0].Status);
        Assert.Equal(first.Results[0].MessageId, again.Results[0].MessageId);
        Assert.Equal(first.Results[0].CaseId, again.Results[0].CaseId);
        Assert.Equal(2, (await integrator.CasesAsync()).Items.Count);
    }

    [Fact]
    public async Task Near_duplicate_complaints_about_the_same_problem_join_one_case()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);
        const string text = "Во дворе дома 12 по улице Ленина третий день не вывозят мусор, контейнеры переполнены, крысы бегают";

        var first = await integrator.SendAsync(Api.Message(text, "Вывоз мусора", "Комитет ЖКХ"));
        var echo = await integrator.SendAsync(Api.Message("Присоединяюсь! " + text + "!!!", "Вывоз мусора", "Комитет ЖКХ"));
        var other = await integrator.SendAsync(Api.Message("На остановке Садовая сломана скамейка, просим починить", "Вывоз мусора", "Комитет ЖКХ"));

        Assert.Equal(first.CaseId, echo.CaseId);
        Assert.NotEqual(first.CaseId, other.CaseId);
        var detail = (await integrator.CaseAsync(first.CaseId!.Value))!;
        Assert.Equal(2, detail.Case.MessageCount);
        Assert.Equal(2, detail.Messages.Count);
        Assert.Contains(detail.Timeline, e => e.Kind == "messageJoined");
    }

    [Fact]
    public async Task A_batch_with_a_bad_message_is_refused_naming_the_field_at_fault()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);

        var response = await integrator.PostAsJsonAsync("/api/messages/batch",
            new BatchInput([Api.Message("хорошее"), Api.Message("   ") with { ExternalId = "x1" }]), Api.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("messages[1].text", out _));
        Assert.Empty((await integrator.CasesAsync()).Items);
    }

    [Fact]
    public async Task A_crash_in_the_middle_of_processing_loses_nothing_and_the_restart_duplicates_nothing()
    {
        var failing = new FailingAnalyzer(failFromCall: 1);
        var server = await StartAsync(services => services.AddSingleton<IMessageAnalyzer>(failing));
        var integrator = await server.ClientAsync(Role.Integrator);
        string[] texts = ["Не горят фонари на Союзной", "Яма на дороге у школы", "Не вывозят мусор третий день", "Протекает крыша", "Сломан лифт в доме 5"];
        var messages = texts.Select(text => Api.Message(text, body: "Администрация")).ToArray();

        // Processing dies (every analysis fails until the restart; a failure of only some messages would set those apart
        // instead): the transaction that would have stored and processed the batch rolls back, the batch is stored
        // pending, and processing it fails again.
        await Assert.ThrowsAsync<HttpRequestException>(() => integrator.SendBatchAsync(messages));
        await using (var session = await server.Database.OpenAsync(write: false))
        {
            Assert.Equal(5, await session.CountPendingAsync());
        }

        await StopAsync(server);
        var restarted = await StartAsync(workers: true, sameDatabase: true);
        var reader = await restarted.ClientAsync(Role.Analyst);
        await WaitUntilAsync(async () => (await reader.CasesAsync()).Items.Count == 5);

        await using (var session = await restarted.Database.OpenAsync(write: false))
        {
            Assert.Equal(0, await session.CountPendingAsync());
        }

        var again = await (await restarted.ClientAsync(Role.Integrator)).SendBatchAsync(messages);
        Assert.Equal(5, again.Duplicates);
        Assert.Equal(5, (await reader.CasesAsync()).Items.Count);
        Assert.All((await reader.CasesAsync()).Items, c => Assert.Equal(1, c.MessageCount));
    }

    [Fact]
    public async Task Message_texts_are_searchable_in_Russian_by_another_word_form()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);
        var lights = await operatorClient.OpenCaseAsync("Не работают фонари во дворе, темно и страшно", "Администрация");
        await operatorClient.OpenCaseAsync("Протекает крыша в подъезде", "Администрация", "Кровля");

        var found = await operatorClient.CasesAsync("q=" + Uri.EscapeDataString("фонарей"));

        Assert.Equal([lights], found.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Paging_by_cursor_returns_every_case_once()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);
        await integrator.SendBatchAsync(Enumerable.Range(1, 7).Select(i => Api.Message($"Отдельная проблема {i} {i * 104729} {new string('я', i)}", $"Тема {i}", "Администрация")).ToArray());

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await integrator.CasesAsync("limit=3" + (cursor is null ? string.Empty : "&cursor=" + cursor));
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(7, seen.Count);
        Assert.Equal(seen.OrderByDescending(id => id), seen);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the condition did not become true within 10 seconds");
    }

    [Fact]
    public async Task A_message_the_analyzer_fails_on_is_set_apart_with_the_reason_and_the_rest_of_its_batch_becomes_cases()
    {
        var server = await StartAsync(services => services.AddSingleton<IMessageAnalyzer>(new PoisonAnalyzer()), workers: true);
        var integrator = await server.ClientAsync(Role.Integrator);
        string[] texts = ["Не горят фонари на Союзной", "Яма на дороге у школы", PoisonAnalyzer.Poison, "Протекает крыша", "Сломан лифт в доме 5"];

        var batch = await integrator.SendBatchAsync(texts.Select(text => Api.Message(text, body: "Администрация")).ToArray());

        Assert.Equal(5, batch.Accepted);
        Assert.Null(batch.Results[2].CaseId);
        Assert.All(batch.Results.Where((_, i) => i != 2), r => Assert.NotNull(r.CaseId));
        var later = await integrator.SendAsync(Api.Message("Не вывозят мусор третий день", body: "Администрация"));
        Assert.NotNull(later.CaseId);
        await using (var session = await server.Database.OpenAsync(write: false))
        {
            Assert.Equal(0, await session.CountPendingAsync());
        }

        await using var store = await OtklikStores.OpenAsync(Database, null, CancellationToken.None);
        var entry = Assert.Single(await store.ListQuarantineAsync(10, CancellationToken.None));
        Assert.Equal(("processing", batch.Results[2].MessageId), (entry.Source, entry.Line));
        Assert.Contains("unreadable text", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(5, (await (await server.ClientAsync(Role.Analyst)).CasesAsync()).Items.Count);
    }

    /// <summary>Fails on one text, every time: a message no retry will get through.</summary>
    private sealed class PoisonAnalyzer : IMessageAnalyzer
    {
        public const string Poison = "\u0001\u0002 отравленное сообщение";
        private readonly LabelAnalyzer _inner = new(new ProcessingOptions());

        public MessageAnalysis Analyze(StoredMessage message) =>
            message.Message.Text == Poison ? throw new FormatException("unreadable text") : _inner.Analyze(message);
    }

    /// <summary>Works until call <paramref name="failFromCall"/>, then fails every time: a crash that lasts until the restart.</summary>
    private sealed class FailingAnalyzer(int failFromCall) : IMessageAnalyzer
    {
        private readonly LabelAnalyzer _inner = new(new ProcessingOptions());
        private int _calls;

        public MessageAnalysis Analyze(StoredMessage message) =>
            Interlocked.Increment(ref _calls) >= failFromCall ? throw new InvalidOperationException("simulated crash") : _inner.Analyze(message);
    }
}
