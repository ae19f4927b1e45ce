using Otklik.Cli;

namespace Otklik.Tests.Routing;

public class RouteCommandTests
{
    [Fact]
    public async Task A_missing_routing_table_is_an_error_exit_not_a_crash()
    {
        var code = await OtklikApp.RunAsync(["route", "Не горит фонарь в Льгове", "--table", "/nonexistent/routing.csv"]);
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task The_route_verb_routes_a_text_with_the_shipped_data()
    {
        var code = await OtklikApp.RunAsync(["route", "Не горит фонарь в г. Льгове", "--topic", "Неработающее наружное освещение"]);
        Assert.Equal(0, code);
    }
}
