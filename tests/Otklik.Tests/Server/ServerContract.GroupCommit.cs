using System.Net;
using System.Net.Http.Json;
using Otklik.Access;
using Otklik.Processing;
using Otklik.Server.Apis;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task Batches_written_in_one_transaction_stay_idempotent_across_each_other()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);
        var repeated = Api.Message(Different[4], body: "Администрация");

        var responses = await WhileTheWriterIsHeldAsync(server,
            () => Post(integrator, repeated, Api.Message(Rubbish, body: "Администрация")),
            () => Post(integrator, Api.Message("Присоединяюсь! " + Rubbish, body: "Администрация"), repeated));

        var first = await ResultAsync(responses[0]);
        var second = await ResultAsync(responses[1]);
        Assert.Equal((2, 0), (first.Accepted, first.Duplicates));
        Assert.Equal(["accepted", "duplicate"], second.Results.Select(r => r.Status));
        Assert.Equal((first.Results[0].MessageId, first.Results[0].CaseId), (second.Results[1].MessageId, second.Results[1].CaseId));
        Assert.Equal(first.Results[1].CaseId, second.Results[0].CaseId);
        Assert.Equal(1, (await integrator.CaseAsync(first.Results[0].CaseId!.Value))!.Case.MessageCount);
        Assert.Equal(2, (await integrator.CaseAsync(first.Results[1].CaseId!.Value))!.Case.MessageCount);

        var again = await integrator.SendBatchAsync(repeated);
        Assert.Equal((first.Results[0].MessageId, "duplicate"), (again.Results[0].MessageId, again.Results[0].Status));
    }

    [Fact]
    public async Task A_batch_the_database_rejects_fails_alone_and_its_transaction_neighbours_are_stored()
    {
        var server = await StartAsync();
        var integrator = await server.ClientAsync(Role.Integrator);
        // An account id the database does not hold passes validation but breaks the messages' foreign key.
        var poison = Api.Message(Different[5], body: "Администрация") with { AccountId = 424242 };
        var good = Api.Message(Different[6], body: "Администрация");

        var responses = await WhileTheWriterIsHeldAsync(server,
            () => Post(integrator, good),
            () => Post(integrator, poison, Api.Message(Different[8], body: "Администрация")),
            () => Post(integrator, Api.Message(Different[7], body: "Администрация"), good));

        Assert.Equal(HttpStatusCode.InternalServerError, responses[1].StatusCode);
        var first = await ResultAsync(responses[0]);
        var third = await ResultAsync(responses[2]);
        Assert.NotNull(first.Results[0].CaseId);
        Assert.Equal(["accepted", "duplicate"], third.Results.Select(r => r.Status));
        Assert.Equal(first.Results[0].MessageId, third.Results[1].MessageId);
        Assert.Equal(2, (await (await server.ClientAsync(Role.Analyst)).CasesAsync()).Items.Count);
        await using var session = await server.Database.OpenAsync(write: false);
        Assert.Equal(0, await session.CountPendingAsync());
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, params MessageInput[] messages) =>
        client.PostAsJsonAsync("/api/messages/batch", new BatchInput(messages), Api.Json);

    private static async Task<BatchResult> ResultAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<BatchResult>(Api.Json))!;
    }

    /// <summary>
    /// Sends each batch while the processor's writer is held, one after another once the previous has queued (so the
    /// queue's order is the order given), then lets the writer go: they are written as one group, not one transaction each.
    /// </summary>
    private static async Task<HttpResponseMessage[]> WhileTheWriterIsHeldAsync(TestServer server, params Func<Task<HttpResponseMessage>>[] sends)
    {
        var processor = server.Service<MessageProcessor>();
        var sent = new List<Task<HttpResponseMessage>>();
        await processor.HoldWriterAsync();
        try
        {
            foreach (var send in sends)
            {
                sent.Add(send());
                await WaitUntilAsync(() => Task.FromResult(processor.QueuedBatches == sent.Count));
            }
        }
        finally
        {
            processor.ReleaseWriter();
        }

        return await Task.WhenAll(sent);
    }
}
