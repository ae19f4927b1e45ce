using Otklik.Routing;

namespace Otklik.Tests.Storage;

public abstract partial class StoreContract
{
    private static RoutingTable OperatorTable() => new(
        [
            new RoutingRule("Аварийные деревья", null, "Курская область", null, "Льгов", null, "Администрация города Льгов", 10, 1, 0),
            new RoutingRule(null, "0", "Курская область", null, null, null, "Комитет транспорта и автомобильных дорог Курской области", 0, 0.625, 8),
            new RoutingRule(null, null, "Курская область", "Курский район", null, "Сеймский округ", "Администрация Курского района", 0, 1, 3),
        ],
        [new RoutingFallback("Курская область", "Администрация Курской области")],
        new Dictionary<string, string> { ["Аварийные деревья"] = "3" });

    [Fact]
    public async Task A_database_without_an_imported_routing_table_has_none()
    {
        Assert.Null(await Store.LoadRoutingTableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_imported_routing_table_reads_back_rule_for_rule()
    {
        var stored = await Store.ReplaceRoutingTableAsync(OperatorTable(), CancellationToken.None);

        var table = await Store.LoadRoutingTableAsync(CancellationToken.None);

        Assert.Equal(5, stored);
        Assert.NotNull(table);
        Assert.Equal(OperatorTable().Rules, table.Rules);
        Assert.Equal(OperatorTable().Fallbacks, table.Fallbacks);
        Assert.Equal("3", table.GroupOf("Аварийные деревья"));
        var lgov = new RouteTerritory("Курская область", "Льговский район", "Льгов", null);
        Assert.Equal("Администрация города Льгов", Assert.Single(table.BestCell("Аварийные деревья", "3", lgov)).Body);
    }

    [Fact]
    public async Task Importing_a_routing_table_again_replaces_the_old_one()
    {
        await Store.ReplaceRoutingTableAsync(OperatorTable(), CancellationToken.None);
        var smaller = new RoutingTable([new RoutingRule(null, null, null, null, "Курчатов", null, "Администрация города Курчатова")], []);

        await Store.ReplaceRoutingTableAsync(smaller, CancellationToken.None);
        var table = await Store.LoadRoutingTableAsync(CancellationToken.None);

        Assert.Equal(smaller.Rules, table!.Rules);
        Assert.Empty(table.Fallbacks);
        Assert.Empty(table.TopicGroups);
    }
}
