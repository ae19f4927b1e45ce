using System.Text.Json;
using Otklik.Tests.Support;

namespace Otklik.Tests.Cli;

/// <summary>The `otklik` verbs as a script sees them: exit codes, --json, error messages.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_clean_import_exits_0_and_prints_one_json_object_with_the_counts()
    {
        var file = _temp.Write("m.jsonl", """
            {"channel":"vk","external_id":"1","text":"Яма"}
            {"channel":"vk","external_id":"1","text":"Яма"}

            """);

        var run = await Support.Cli.RunAsync(_temp.Path, "import", file, "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout.Trim());
        Assert.Equal(2, json.RootElement.GetProperty("read").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("imported").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("duplicates").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("quarantined").GetInt64());
        Assert.True(File.Exists(_temp.File("data/otklik.db")));
        Assert.True(File.Exists(_temp.File("data/pseudonym.key")));
    }

    [Fact]
    public async Task A_bulk_import_reports_how_long_loading_and_finishing_took_and_a_small_one_runs_without()
    {
        var file = _temp.Write("m.jsonl", """
            {"channel":"vk","external_id":"1","text":"Яма во дворе"}

            """);

        var bulk = await Support.Cli.RunAsync(_temp.Path, "import", file, "--json", "--bulk", "on");
        var small = await Support.Cli.RunAsync(_temp.Path, "import", file, "--json");
        var bad = await Support.Cli.RunAsync(_temp.Path, "import", file, "--bulk", "sometimes");

        Assert.True(bulk.ExitCode == 0, bulk.Stderr);
        using var json = JsonDocument.Parse(bulk.Stdout.Trim());
        Assert.Equal(1, json.RootElement.GetProperty("imported").GetInt64());
        var split = json.RootElement.GetProperty("bulk");
        Assert.True(split.GetProperty("search_seconds").GetDouble() >= 0);
        Assert.True(split.GetProperty("load_seconds").GetDouble() >= 0);
        using var again = JsonDocument.Parse(small.Stdout.Trim());
        Assert.Equal(JsonValueKind.Null, again.RootElement.GetProperty("bulk").ValueKind);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--bulk", bad.Stdout + bad.Stderr);
    }

    [Fact]
    public async Task An_import_with_quarantined_lines_exits_2_and_quarantine_list_shows_file_line_and_reason()
    {
        var file = _temp.Write("m.jsonl", "{\"channel\":\"vk\",\"external_id\":\"1\",\"text\":\"Секретный текст\"}\n{broken\n");

        var run = await Support.Cli.RunAsync(_temp.Path, "import", file, "--json");
        var list = await Support.Cli.RunAsync(_temp.Path, "quarantine", "list", "--json");

        Assert.Equal(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout.Trim());
        Assert.Equal(1, json.RootElement.GetProperty("quarantined").GetInt64());
        Assert.Equal(0, list.ExitCode);
        using var entry = JsonDocument.Parse(list.Stdout.Trim());
        Assert.Equal(file, entry.RootElement.GetProperty("source").GetString());
        Assert.Equal(2, entry.RootElement.GetProperty("line").GetInt64());
        Assert.Contains("broken JSON", entry.RootElement.GetProperty("reason").GetString());
        Assert.DoesNotContain("Секретный", run.Stdout + run.Stderr + list.Stdout + list.Stderr);
    }

    [Fact]
    public async Task A_missing_file_exits_1_with_the_path_and_a_hint_and_no_stack_trace()
    {
        var run = await Support.Cli.RunAsync(_temp.Path, "import", "nowhere.jsonl");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nowhere.jsonl", run.Stderr);
        Assert.Contains("hint:", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task A_bad_column_map_is_a_usage_error_that_lists_the_fields()
    {
        var file = _temp.Write("m.csv", "1,text\n");

        var run = await Support.Cli.RunAsync(_temp.Path, "import", file, "--map", "id=1,text=2");

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("'id' is not a message field", run.Stderr);
        Assert.Contains("external_id", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task A_database_newer_than_the_code_exits_1_and_says_what_to_do()
    {
        await Support.Cli.RunAsync(_temp.Path, "stats");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_temp.File("data/otklik.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version VALUES (42, 'future', 'now')";
            await command.ExecuteNonQueryAsync();
        }

        var run = await Support.Cli.RunAsync(_temp.Path, "stats");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("schema version 42", run.Stderr);
        Assert.Contains("hint:", run.Stderr);
    }

    [Fact]
    public async Task The_demo_imports_two_thousand_cases_then_says_nothing_is_new()
    {
        var first = await Support.Cli.RunAsync(_temp.Path, "demo");
        var second = await Support.Cli.RunAsync(_temp.Path, "demo");
        var stats = await Support.Cli.RunAsync(_temp.Path, "stats", "--json");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("Imported 2,000 new messages", first.Stdout);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Nothing new: all 2,000 messages were already in", second.Stdout);
        using var json = JsonDocument.Parse(stats.Stdout.Trim());
        Assert.Equal(2000, json.RootElement.GetProperty("cases").GetInt64());
    }

    [Fact]
    public async Task Bodies_import_from_csv_then_list_shows_them()
    {
        var file = _temp.Write("bodies.csv", "name,short_name,level,region_code,region,parent\n"
            + "Министерство здравоохранения Курской области,Минздрав,regional,46,Курская область,\n"
            + ",нет имени,,,,\n");

        var import = await Support.Cli.RunAsync(_temp.Path, "bodies", "import", file);
        var list = await Support.Cli.RunAsync(_temp.Path, "bodies", "list", "--json");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("bodies.csv:3", import.Stderr);
        Assert.Contains("1 added", import.Stdout);
        using var body = JsonDocument.Parse(list.Stdout.Trim());
        Assert.Equal("regional", body.RootElement.GetProperty("level").GetString());
        Assert.Equal("Минздрав", body.RootElement.GetProperty("short_name").GetString());
    }
}
