using Microsoft.Data.Sqlite;
using Otklik.Tests.Support;

namespace Otklik.Tests.Cli;

/// <summary>`routing import` / `routing list`, and `route` using the database's table, run as a user runs them.</summary>
public sealed class RoutingCommandsTests : IDisposable
{
    private const string Table = """
        kind,topic,group,region,district,city,city_district,body,priority,weight,support
        topic-group,Аварийные деревья,3,,,,,,,,
        fallback,,,Курская область,,,,Администрация Курской области,,,
        rule,Аварийные деревья,,,,Льгов,,Администрация Льговского района,10,1,0

        """;

    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task An_imported_routing_table_is_listed_and_routes_the_route_verb()
    {
        var db = _temp.File("otklik.db");
        var file = _temp.Write("routing.csv", Table);

        var import = await Support.Cli.RunAsync(_temp.Path, "routing", "import", file, "--db", db);
        var list = await Support.Cli.RunAsync(_temp.Path, "routing", "list", "--db", db, "--csv");
        var route = await Support.Cli.RunAsync(_temp.Path, "route", "Сухое дерево упало во дворе в Льгове", "--topic", "Аварийные деревья", "--db", db);

        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Contains("1 rules (1 operator rules), 1 fallbacks, 1 topic groups", Words(import.Stdout), StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("rule,Аварийные деревья,,,,Льгов,,Администрация Льговского района,10,1,0", list.Stdout, StringComparison.Ordinal);
        Assert.True(route.ExitCode == 0, route.Stderr);
        Assert.Contains("routing table: database", Words(route.Stdout), StringComparison.Ordinal);
        // The reasons' table wraps its cells: the operator rule's words are there, not necessarily side by side.
        Assert.Contains("operator", route.Stdout, StringComparison.Ordinal);
    }

    // The console wraps long lines at 80 columns when redirected: compare with the words joined back.
    private static string Words(string output) => string.Join(' ', output.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task A_bad_routing_file_names_the_line_and_imports_nothing()
    {
        var db = _temp.File("otklik.db");
        var file = _temp.Write("routing.csv", Table + "rule,,,,,Льгов,,Администрация города Льгов,high,1,0\n");

        var import = await Support.Cli.RunAsync(_temp.Path, "routing", "import", file, "--db", db);
        var list = await Support.Cli.RunAsync(_temp.Path, "routing", "list", "--db", db);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("routing.csv:5: field 'priority'", Words(import.Stderr), StringComparison.Ordinal);
        Assert.Equal(1, list.ExitCode);
        Assert.Contains("no routing table", Words(list.Stderr), StringComparison.Ordinal);
    }
}
