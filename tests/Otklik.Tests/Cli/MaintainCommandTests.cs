using Otklik.Tests.Support;

namespace Otklik.Tests.Cli;

/// <summary>`otklik maintain`: the search index upkeep by hand, on PostgreSQL and on SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MaintainCommandTests(PostgresCluster cluster) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Maintain_rebuilds_the_postgres_search_index_now_and_with_if_due_says_it_is_not_due()
    {
        var db = await cluster.CreateDatabaseAsync();

        var now = await Support.Cli.RunAsync(_temp.Path, "maintain", "--db", db);
        var ifDue = await Support.Cli.RunAsync(_temp.Path, "maintain", "--db", db, "--if-due");

        Assert.True(now.ExitCode == 0, now.Stderr);
        Assert.Contains("Rebuilt the search index messages_tsv in ", now.Stdout);
        Assert.Contains("0 messages added since the store began (no rebuild recorded)", now.Stdout);
        Assert.True(ifDue.ExitCode == 0, ifDue.Stderr);
        Assert.Contains("Not due: 0 messages added since the last rebuild (", ifDue.Stdout);
    }

    [Fact]
    public async Task Maintain_on_sqlite_merges_the_full_text_index_now_and_with_if_due_says_it_is_not_due()
    {
        var db = _temp.File("otklik.db");

        var now = await Support.Cli.RunAsync(_temp.Path, "maintain", "--db", db);
        var ifDue = await Support.Cli.RunAsync(_temp.Path, "maintain", "--db", db, "--if-due");

        Assert.True(now.ExitCode == 0, now.Stderr);
        Assert.Contains("Rebuilt the search index message_fts in ", now.Stdout);
        Assert.True(ifDue.ExitCode == 0, ifDue.Stderr);
        Assert.Contains("Not due: 0 messages added since the last rebuild (", ifDue.Stdout);
    }
}
