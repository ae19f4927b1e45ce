using Otklik.Routing;

namespace Otklik.Tests.Routing;

public class RoutingTableFileTests
{
    [Fact]
    public void A_table_survives_a_save_and_load()
    {
        var table = new RoutingTable(
            [new RoutingRule("Ямы, выбоины", "0", "Курская область", "Льговский район", null, null, "Администрация Льговского района", 2, 0.75, 12)],
            [new RoutingFallback("Курская область", "Администрация города Курска")],
            new Dictionary<string, string> { ["Ямы, выбоины"] = "0" });
        var path = Path.GetTempFileName();
        try
        {
            RoutingTableFile.Save(table, path);
            var loaded = RoutingTableFile.Load(path);
            Assert.Equal(table.Rules, loaded.Rules);
            Assert.Equal(table.Fallbacks, loaded.Fallbacks);
            Assert.Equal("0", loaded.GroupOf("ямы, выбоины"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_bad_weight_is_reported_with_file_line_and_column()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["kind,topic,city,body,weight", "rule,Ямы,Льгов,Администрация города Льгов,0,5"]);
            File.WriteAllLines(path, ["kind,topic,city,body,weight", "rule,Ямы,Льгов,Администрация города Льгов,много"]);
            var e = Assert.Throws<DataFileException>(() => RoutingTableFile.Load(path));
            Assert.Equal(2, e.Line);
            Assert.Equal("weight", e.Field);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_shipped_kursk_table_loads_and_routes_lgov_lighting_to_lgov()
    {
        var table = RoutingTableFile.Load(Path.Combine(SharedData.RepoRoot(), "data", "routing", "kursk-routing.csv"));
        var router = new Router(table, Places.ShippedGazetteer.Recognizer);
        var result = router.Route(new RoutingRequest("Не работает уличное освещение на ул. Красная, г. Льгов",
            [new ScoredLabel("Неработающее наружное освещение", 1)], null, Places.ShippedGazetteer.Kursk));
        Assert.Equal("Администрация города Льгов", result.Best!.Body);
    }
}
