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

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Maintain_if_due_applies_the_rule_the_server_is_configured_with(string backend)
    {
        var db = backend == "sqlite" ? _temp.File("otklik.db") : await cluster.CreateDatabaseAsync();
        var messages = _temp.Write("m.jsonl", string.Concat(Enumerable.Range(1, 3).Select(i => $$"""{"channel":"vk","external_id":"{{i}}","text":"Яма во дворе {{i}}"}""" + "\n")));
        var import = await Support.Cli.RunAsync(_temp.Path, "import", messages, "--db", db);
        Assert.True(import.ExitCode == 0, import.Stderr);

        // The server binds Otklik:SearchUpkeep from its configuration; the same variable must change the command's rule.
        var byDefault = await Support.Cli.RunAsync(_temp.Path, "maintain", "--db", db, "--if-due");
        var configured = await Support.Cli.RunAsync(
            _temp.Path, new Dictionary<string, string> { ["Otklik__SearchUpkeep__MinNewMessages"] = "3" }, "maintain", "--db", db, "--if-due");
        var refused = await Support.Cli.RunAsync(
            _temp.Path, new Dictionary<string, string> { ["Otklik__SearchUpkeep__MinNewMessages"] = "0" }, "maintain", "--db", db, "--if-due");

        Assert.True(byDefault.ExitCode == 0, byDefault.Stderr);
        Assert.Contains("Not due: 3 messages added since the store began (no rebuild recorded); a rebuild needs 10,000 and 24 h", byDefault.Stdout);
        Assert.True(configured.ExitCode == 0, configured.Stderr);
        Assert.Contains("Rebuilt the search index ", configured.Stdout);
        Assert.Contains("3 messages added since the store began", configured.Stdout);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Otklik__SearchUpkeep__", refused.Stderr);
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
