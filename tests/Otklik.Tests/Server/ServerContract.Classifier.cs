using System.Net.Http.Json;
using Otklik.Access;
using Otklik.Analytics;
using Otklik.Cases;
using Otklik.Model;
using Otklik.Storage;
using Otklik.Tests.Server.Support;
using Otklik.Tests.Understanding;
using Otklik.Text.Understanding;

namespace Otklik.Tests.Server;

/// <summary>
/// The classifier that labels and routes the cases an import left without a topic or a body (<c>otklik import</c> with a
/// model): what it sets must reach everything derived from cases, as an operator's change does.
/// </summary>
public abstract partial class ServerContract
{
    private const string Unlabeled = "Не горят фонари на улице Красной в Льгове, темно вечером";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_models_prediction_is_in_the_cases_audit_trail_with_its_source_confidence_and_reasons(bool assign)
    {
        var server = await StartAsync();
        var id = await ImportUnlabeledAsync(server);

        Assert.Equal((1, assign ? 1 : 0), await ClassifyAsync(server, assign));

        var operatorClient = await server.ClientAsync(Role.Operator);
        var summary = (await operatorClient.CaseAsync(id))!.Case;
        var events = (await operatorClient.EventsAsync(id))!;
        Assert.Equal(assign ? ["created", "predicted", "assigned"] : ["created", "predicted"], events.Select(e => e.Kind));
        var predicted = events[1];
        Assert.Equal(Actors.System, predicted.Actor);
        Assert.Equal("— / —", predicted.Before);
        Assert.Equal($"{summary.TopicGroup} / {summary.Topic}", predicted.After);
        Assert.StartsWith($"body {summary.BodyId} {(assign ? "assigned" : "suggested")}, source {summary.LabelSource}, confidence ", predicted.Note, StringComparison.Ordinal);
        Assert.Contains(summary.Reasons[0], predicted.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("фонари", predicted.Note, StringComparison.OrdinalIgnoreCase);
        // Only the chosen route: the runner-ups stay on the case (its reasons), not in every event's note.
        Assert.DoesNotContain("route #2 ", predicted.Note, StringComparison.Ordinal);
        // The deadlines planned from the message, so that the SLA monitor sees the case fall due.
        Assert.NotNull(summary.FirstReplyDue);
        Assert.NotNull(summary.AnswerDue);
    }

    [Fact]
    public async Task The_dashboard_counts_a_classified_case_under_its_predicted_topic_group_after_it_was_counted_without_one()
    {
        var server = await StartAsync();
        await ImportUnlabeledAsync(server);
        var analyst = await server.ClientAsync(Role.Analyst);
        var before = (await analyst.GetFromJsonAsync<Dashboard>("/api/analytics/dashboard", Api.Json))!;
        Assert.Equal(1, before.Totals.Cases);

        await ClassifyAsync(server, assign: false);

        var group = (await (await server.ClientAsync(Role.Operator)).CasesAsync()).Items.Single().TopicGroup;
        Assert.NotNull(group);
        var after = (await analyst.GetFromJsonAsync<Dashboard>("/api/analytics/dashboard", Api.Json))!;
        var series = Assert.Single(after.Volumes.ByTopicGroup);
        Assert.Equal((group, 1L), (series.Key, series.Counts.Sum()));
    }

    [Fact]
    public async Task A_models_prediction_moves_the_ratings_cache_mark()
    {
        var server = await StartAsync();
        await ImportUnlabeledAsync(server);
        var before = await ChangeMarkAsync(server);

        await ClassifyAsync(server, assign: false);

        Assert.NotEqual(before, await ChangeMarkAsync(server));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_executors_search_finds_a_case_the_model_gave_its_body(bool assign)
    {
        var server = await StartAsync();
        var id = await ImportUnlabeledAsync(server);
        var operatorClient = await server.ClientAsync(Role.Operator);
        var lights = "q=" + Uri.EscapeDataString("фонари");

        await ClassifyAsync(server, assign);

        var body = (await operatorClient.CaseAsync(id))!.Case.BodyId!.Value;
        var executor = await server.ClientAsync(Role.Executor, body);
        Assert.Equal([id], await IdsAsync(executor, string.Empty));
        Assert.Equal([id], await IdsAsync(executor, lights));
        await AssertSearchIndexIntactAsync(server);
    }

    /// <summary>A case imported without labels, as an import of a file with texts only leaves it, indexed for search.</summary>
    private async Task<long> ImportUnlabeledAsync(TestServer server)
    {
        await using (var store = await OtklikStores.OpenAsync(Database, null, CancellationToken.None))
        {
            var message = new IncomingMessage("kursk", "u1", Unlabeled, null, "a_1", TestServer.Start, null, null, null, null, null, null, 1);
            await store.ImportBatchAsync(new ImportBatch([message], [], "import:test", TestServer.Start), CancellationToken.None);
        }

        return (await (await server.ClientAsync(Role.Operator)).CasesAsync()).Items.Single().Id;
    }

    /// <summary>Runs the classifier as <c>otklik import</c> does after an import, sure enough to assign or never.</summary>
    private static Task<(int Classified, int Assigned)> ClassifyAsync(TestServer server, bool assign) =>
        new CaseClassifier(server.Database, () => SmallUnderstanding.Value, new UnderstandingOptions(), assign ? 0.0 : 1.01, server.Clock).ClassifyAsync();

    private static async Task<string> ChangeMarkAsync(TestServer server)
    {
        await using var session = await server.Database.OpenAsync(write: false);
        return (await session.ChangeMarkAsync()).Value;
    }
}
