using Otklik.Access;
using Otklik.Model;
using Otklik.Storage;
using Otklik.Tests.Server.Support;

namespace Otklik.Tests.Server;

public abstract partial class ServerContract
{
    [Fact]
    public async Task Cases_from_a_bulk_import_are_worked_through_the_api_like_any_other()
    {
        var server = await StartAsync();
        await using (var store = await OtklikStores.OpenAsync(Database, null, CancellationToken.None))
        {
            var message = new IncomingMessage("kursk", "2246", "Льговский РЭС не реагирует на жалобы", null, "a_1", TestServer.Start, null, null, null,
                null, null, new CaseLabels("3", "Электроснабжение", "Администрация Льговского района"), 1);
            await store.ImportBatchAsync(new ImportBatch([message], [], "import:test", TestServer.Start), CancellationToken.None);
        }

        var operatorClient = await server.ClientAsync(Role.Operator);
        var imported = Assert.Single((await operatorClient.CasesAsync()).Items);
        Assert.Equal((CaseStatus.New, "Администрация Льговского района"), (imported.Status, imported.BodyName));
        Assert.Null(imported.AnswerDue);
        Assert.Equal("Льговский РЭС не реагирует на жалобы", imported.Title);
        Assert.Single((await operatorClient.CasesAsync("q=" + Uri.EscapeDataString("жалобы"))).Items);

        var assigned = await operatorClient.TransitionAsync(imported.Id, "assign", bodyId: imported.BodyId).MustAsync();
        Assert.Equal(CaseStatus.Assigned, assigned.Case.Status);
        Assert.Equal(TestServer.Start.AddDays(8), assigned.Case.AnswerDue);
        Assert.Equal(["created", "assigned"], assigned.Timeline.Select(e => e.Kind));
    }
}
