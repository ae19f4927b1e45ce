using System.Globalization;
using Otklik.Access;
using Otklik.Cases;
using Otklik.Model;
using Otklik.Storage;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

/// <summary>
/// One form for every <c>assigned</c> event, whoever assigned the case (<see cref="EventKinds.Assigned"/>): body ids before
/// and after, so an auditor reads the trail of a routed message, of a model's assignment and of an operator's alike.
/// </summary>
public abstract partial class ServerContract
{
    [Fact]
    public async Task A_message_that_arrives_routed_records_its_assignment_as_no_body_before_and_its_body_after()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);

        var id = await operatorClient.OpenCaseAsync("Не горит фонарь у дома 5 на улице Лесной", "Управляющая компания");

        var body = (await operatorClient.CaseAsync(id))!.Case.BodyId;
        Assert.Equal((null, Text(body), Actors.System), await AssignedAsync(operatorClient, id));
    }

    [Fact]
    public async Task A_case_the_model_assigns_records_its_assignment_as_the_bodies_before_and_after()
    {
        var server = await StartAsync();
        var id = await ImportUnlabeledAsync(server);

        await ClassifyAsync(server, assign: true);

        var operatorClient = await server.ClientAsync(Role.Operator);
        var body = (await operatorClient.CaseAsync(id))!.Case.BodyId;
        Assert.NotNull(body);
        Assert.Equal((null, Text(body), Actors.System), await AssignedAsync(operatorClient, id));
    }

    [Fact]
    public async Task An_operators_assignment_records_the_bodies_before_and_after()
    {
        var server = await StartAsync();
        await using (var store = await OtklikStores.OpenAsync(Database, null, CancellationToken.None))
        {
            var message = new IncomingMessage("kursk", "2246", "Льговский РЭС не реагирует на жалобы", null, "a_1", TestServer.Start, null, null, null,
                null, null, new CaseLabels("3", "Электроснабжение", "Администрация Льговского района"), 1);
            await store.ImportBatchAsync(new ImportBatch([message], [], "import:test", TestServer.Start), CancellationToken.None);
        }

        var energy = await server.AddBodyAsync("Курскэнерго");
        var operatorClient = await server.ClientAsync(Role.Operator);
        var imported = Assert.Single((await operatorClient.CasesAsync()).Items);

        await operatorClient.TransitionAsync(imported.Id, "assign", bodyId: energy).MustAsync();

        var (before, after, actor) = await AssignedAsync(operatorClient, imported.Id);
        Assert.Equal((Text(imported.BodyId), Text(energy)), (before, after));
        Assert.StartsWith("user:", actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assigned_event_stored_in_the_old_form_is_served_as_it_was_stored_beside_the_new_form()
    {
        var server = await StartAsync();
        var operatorClient = await server.ClientAsync(Role.Operator);
        var id = await operatorClient.OpenCaseAsync("Не горит фонарь у дома 7 на улице Лесной", "Управляющая компания");
        await using (var session = await server.Database.OpenAsync(write: true))
        {
            // As the arrival path and the classifier wrote it before session 18: the trail is append-only, never rewritten.
            await session.BeginWritingAsync();
            await session.AddEventAsync(id, server.Clock.GetUtcNow(), Actors.System, EventKinds.Assigned, "new", "assigned", "routed: Управляющая компания");
            await session.CommitAsync();
        }

        var assigned = (await operatorClient.EventsAsync(id))!.Where(e => e.Kind == EventKinds.Assigned).ToList();

        var body = (await operatorClient.CaseAsync(id))!.Case.BodyId;
        Assert.Equal([(null, Text(body)), ("new", "assigned")], assigned.Select(e => (e.Before, e.After)));
        Assert.Equal("routed: Управляющая компания", assigned[1].Note);
    }

    /// <summary>The case's one <c>assigned</c> event, as <c>GET /api/cases/{id}/events</c> gives it.</summary>
    private static async Task<(string? Before, string? After, string Actor)> AssignedAsync(HttpClient client, long caseId)
    {
        var assigned = Assert.Single((await client.EventsAsync(caseId))!, e => e.Kind == EventKinds.Assigned);
        return (assigned.Before, assigned.After, assigned.Actor);
    }

    private static string? Text(long? id) => id?.ToString(CultureInfo.InvariantCulture);
}
