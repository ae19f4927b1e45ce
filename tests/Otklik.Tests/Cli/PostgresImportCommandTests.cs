using System.Text.Json;
using Otklik.Tests.Support;

namespace Otklik.Tests.Cli;

/// <summary>`--db` with a PostgreSQL connection string takes the same path through the command line.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresImportCommandTests(PostgresCluster cluster) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Import_with_a_postgres_connection_string_stores_there_and_a_second_run_adds_nothing()
    {
        var db = await cluster.CreateDatabaseAsync();
        var demo = Path.Combine(SharedData.RepoRoot(), "data", "demo", "kursk-appeals.csv");

        var first = await Support.Cli.RunAsync(_temp.Path, "import", demo, "--preset", "kursk", "--db", db, "--json");
        var second = await Support.Cli.RunAsync(_temp.Path, "import", demo, "--preset", "kursk", "--db", db, "--json");

        Assert.True(first.ExitCode == 0, first.Stderr);
        using var one = JsonDocument.Parse(first.Stdout.Trim());
        using var two = JsonDocument.Parse(second.Stdout.Trim());
        Assert.Equal(2000, one.RootElement.GetProperty("imported").GetInt64());
        Assert.Equal(0, two.RootElement.GetProperty("imported").GetInt64());
        Assert.Equal(2000, two.RootElement.GetProperty("duplicates").GetInt64());
        Assert.StartsWith("PostgreSQL", one.RootElement.GetProperty("database").GetString());
        Assert.False(File.Exists(_temp.File("data/otklik.db")));
    }
}
