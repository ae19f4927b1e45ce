using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Otklik.Access;
using Otklik.Processing;
using Otklik.Server.Apis;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    private const string Rubbish = "Во дворе дома 12 по улице Ленина третий день не вывозят мусор, контейнеры переполнены, крысы бегают";

    // Ten complaints under one topic and body that share no near-duplicate: each must open its own case.
    private static readonly string[] Different =
    [
        "Не горят фонари на улице Союзной от дома 3 до дома 40",
        "Яма на проезжей части возле школы номер 7, машины бьют колеса",
        "Сломана скамейка на остановке Садовая, сидеть невозможно",
        "Протекает крыша в подъезде после каждого дождя",
        "Лифт не работает вторую неделю, пожилые жильцы не выходят",
        "Нет горячей воды с понедельника без объявления",
        "Снег с тротуаров не убирают, пешеходы идут по дороге",
        "Детская площадка разломана, торчат гвозди",
        "Стая бездомных собак нападает на прохожих у рынка",
        "Светофор на перекрестке Кирова и Мира мигает желтым",
    ];

    [Fact]
    public async Task Near_duplicates_in_one_batch_join_the_case_the_first_of_them_opens()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);

        var batch = await integrator.SendBatchAsync(
            Api.Message(Rubbish, "Вывоз мусора", "Комитет ЖКХ"),
            Api.Message("Присоединяюсь! " + Rubbish + "!!!", "Вывоз мусора", "Комитет ЖКХ"),
            Api.Message(Different[2], "Вывоз мусора", "Комитет ЖКХ"),
            Api.Message(Rubbish + " Сколько можно?", "Вывоз мусора", "Комитет ЖКХ"));

        var ids = batch.Results.Select(r => r.CaseId!.Value).ToList();
        Assert.Equal([ids[0], ids[0], ids[2], ids[0]], ids);
        Assert.NotEqual(ids[0], ids[2]);
        var detail = (await integrator.CaseAsync(ids[0]))!;
        Assert.Equal(3, detail.Case.MessageCount);
        Assert.Equal(batch.Results.Where(r => r.CaseId == ids[0]).Select(r => r.MessageId), detail.Messages.Select(m => m.Id));
        Assert.Equal(["created", "assigned", "messageJoined", "messageJoined"], detail.Timeline.Select(e => e.Kind));
        Assert.Equal(1, (await integrator.CaseAsync(ids[2]))!.Case.MessageCount);
    }

    [Fact]
    public async Task Messages_of_later_batches_join_the_cases_earlier_batches_opened()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);

        var first = await integrator.SendBatchAsync(Api.Message(Rubbish, body: "Администрация"), Api.Message(Different[0], body: "Администрация"));
        var second = await integrator.SendBatchAsync(Api.Message("Присоединяюсь! " + Rubbish, body: "Администрация"), Api.Message(Different[0] + ", темно", body: "Администрация"));
        var third = await integrator.SendBatchAsync(Api.Message(Rubbish + "!!!", body: "Администрация"));

        var ids = first.Results.Concat(second.Results).Concat(third.Results).Select(r => r.CaseId!.Value).ToList();
        Assert.Equal([ids[0], ids[1], ids[0], ids[1], ids[0]], ids);
        Assert.Equal(3, (await integrator.CaseAsync(ids[0]))!.Case.MessageCount);
        Assert.Equal(2, (await integrator.CaseAsync(ids[1]))!.Case.MessageCount);
    }

    [Fact]
    public async Task A_message_repeated_within_one_batch_is_stored_once_and_both_copies_name_its_case()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);
        var message = Api.Message(Different[3], body: "Администрация");

        var batch = await integrator.SendBatchAsync(message, message);

        Assert.Equal((1, 1), (batch.Accepted, batch.Duplicates));
        Assert.Equal(["accepted", "duplicate"], batch.Results.Select(r => r.Status));
        Assert.Equal(batch.Results[0].MessageId, batch.Results[1].MessageId);
        Assert.Equal(batch.Results[0].CaseId, batch.Results[1].CaseId);
        Assert.Equal(1, (await integrator.CaseAsync(batch.Results[0].CaseId!.Value))!.Case.MessageCount);
    }

    [Fact]
    public async Task A_crash_between_storing_and_processing_a_batch_leaves_it_pending_and_the_rerun_makes_each_case_once()
    {
        // Big enough to be analyzed in parallel: ten different complaints and ten echoes of the first.
        var failing = new FailingAnalyzer(failFromCall: 1);
        var server = await StartAsync(services => services.AddSingleton<IMessageAnalyzer>(failing));
        var integrator = await server.ClientAsync(Role.Integrator);
        var messages = Different.Select(text => Api.Message(text, body: "Администрация"))
            .Concat(Enumerable.Range(1, 10).Select(i => Api.Message($"Жалоба {i}: {Different[0]}", body: "Администрация")))
            .ToArray();

        await Assert.ThrowsAsync<HttpRequestException>(() => integrator.SendBatchAsync(messages));
        await using (var session = await server.Database.OpenAsync(write: false))
        {
            Assert.Equal(20, await session.CountPendingAsync());
        }

        // The worker takes them three at a time: the echoes of the first complaint join its case across batches.
        await StopAsync(server);
        var restarted = await StartAsync(services => services.Configure<ProcessingOptions>(o => o.BatchSize = 3), workers: true, sameDatabase: true);
        var reader = await restarted.ClientAsync(Role.Analyst);
        await WaitUntilAsync(async () => (await reader.CasesAsync()).Items.Count == 10);
        var again = await (await restarted.ClientAsync(Role.Integrator)).SendBatchAsync(messages);

        Assert.Equal(20, again.Duplicates);
        var cases = (await reader.CasesAsync()).Items;
        Assert.Equal(10, cases.Count);
        Assert.Equal(20, cases.Sum(c => c.MessageCount));
        var lights = cases.Single(c => c.MessageCount == 11);
        var echoes = messages[10..].Append(messages[0]).Select(m => m.ExternalId).ToHashSet();
        Assert.Equal([lights.Id], again.Results.Where(r => echoes.Contains(r.ExternalId)).Select(r => r.CaseId!.Value).Distinct());
        var events = (await reader.EventsAsync(lights.Id))!;
        Assert.Equal(1, events.Count(e => e.Kind == "created"));
        Assert.Equal(10, events.Count(e => e.Kind == "messageJoined"));
    }

    [Fact]
    public async Task A_batch_stores_every_field_of_its_messages_exactly()
    {
        // The SQLite batch path carries rows as JSON: quotes, backslashes, control characters, emoji and numbers must come back as sent.
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);
        const string Odd = "Фонарь \"у дома\" \\ 5\tне горит\nуже неделю 😀, ёлка";
        var message = Api.Message(Odd, body: "Администрация") with
        {
            Url = "https://vk.com/wall-1_2?a=\"b\"", PostedAt = DateTimeOffset.Parse("2025-03-01T10:20:30.123456Z", CultureInfo.InvariantCulture),
            Latitude = 51.7301234567, Longitude = -36.19, Address = "ул. Ленина, 5",
        };

        var batch = await integrator.SendBatchAsync(message, Api.Message(Different[0], body: "Администрация"));

        var detail = (await integrator.CaseAsync(batch.Results[0].CaseId!.Value))!;
        var stored = Assert.Single(detail.Messages);
        Assert.Equal((message.ExternalId, Odd, message.Url, message.PostedAt, 51.7301234567, -36.19, "ул. Ленина, 5"),
            (stored.ExternalId, stored.Text, stored.Url, stored.PostedAt, stored.Latitude!.Value, stored.Longitude!.Value, stored.Address));
        Assert.Equal(batch.Results[0].MessageId, stored.Id);
    }
}
