using System.Text;
using Microsoft.Data.Sqlite;
using Otklik.Tests.Support;
using Otklik.Tests.Text;

namespace Otklik.Tests.Cli;

/// <summary>The verbs that wire the model into the product: import, route and train --from-db, run as a user runs them.</summary>
public sealed class UnderstandingCommandsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Import_classifies_unlabeled_messages_with_the_model_in_the_data_folder_and_keeps_given_labels()
    {
        Directory.CreateDirectory(_temp.File("data"));
        File.Copy(SmallModel.Path, _temp.File("data/otklik.model"));
        var unlabeled = SmallModel.Held[0].Text.Replace("\"", "'", StringComparison.Ordinal).ReplaceLineEndings(" ");
        var file = _temp.Write("m.jsonl", $$"""
            {"channel":"vk","external_id":"1","text":"{{unlabeled}}"}

            """);

        var run = await Support.Cli.RunAsync(_temp.Path, "import", file);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Classified 1 cases", run.Stdout, StringComparison.Ordinal);
        await using var db = new SqliteConnection($"Data Source={_temp.File("data/otklik.db")}");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT label_source, confidence, topic FROM cases";
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("model:" + SmallModel.Model.ModelVersion, reader.GetString(0));
        Assert.InRange(reader.GetDouble(1), 0.0, 1.0);
        Assert.Equal(SmallModel.Model.Predict(SmallModel.Held[0].Text).Topic.Label, reader.GetString(2));
    }

    [Fact]
    public async Task Import_with_a_model_classifies_thousands_of_unlabeled_messages_under_its_memory_cap_and_gives_them_deadlines()
    {
        // The import caps its heap at 128 MB (ImportMemory); the model and its word cache outgrew that from about 2,000
        // texts on, and the run died of OutOfMemoryException after the messages were stored.
        Directory.CreateDirectory(_temp.File("data"));
        File.Copy(SmallModel.Path, _temp.File("data/otklik.model"));
        var kursk = Otklik.Ingest.KurskFormat.LoadLabeled(SharedData.Path("appeals/kursk-train.csv")).Select(a => a.Text).ToList();
        var texts = Enumerable.Range(1, 2).SelectMany(copy => kursk.Select(text => $"{text} (обращение {copy})")).ToList();
        var file = _temp.Write("m.jsonl", string.Concat(texts.Select((text, i) =>
            System.Text.Json.JsonSerializer.Serialize(new { channel = "vk", external_id = $"u{i}", text }) + "\n")));

        var run = await Support.Cli.RunAsync(_temp.Path, "import", file);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Classified ", run.Stdout, StringComparison.Ordinal);
        await using var db = new SqliteConnection($"Data Source={_temp.File("data/otklik.db")}");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT count(*), count(first_reply_due), count(answer_due), sum(label_source LIKE 'model:%') FROM cases";
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var cases = reader.GetInt32(0);
        Assert.InRange(cases, 2000, texts.Count);
        Assert.Equal((cases, cases, cases), (reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
    }

    [Fact]
    public async Task Route_with_a_model_prints_the_models_top_3_the_bodies_with_reasons_and_both_deadlines()
    {
        var run = await Support.Cli.RunAsync(_temp.Path, "route", "Не горит фонарь на улице Советской в Льгове", "--model", SmallModel.Path);

        Assert.True(run.ExitCode == 0, run.Stderr);
        // The console wraps long lines at 80 columns when redirected: compare with the words joined back.
        var output = string.Join(' ', run.Stdout.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("model topic:", output, StringComparison.Ordinal);
        Assert.Contains("model executor:", output, StringComparison.Ordinal);
        Assert.Contains("text model p=", output, StringComparison.Ordinal);
        Assert.Contains("first reply by", output, StringComparison.Ordinal);
        Assert.Contains("full answer by", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_from_db_learns_from_the_labeled_cases_of_the_database()
    {
        var csv = new StringBuilder();
        foreach (var a in SmallModel.Held)
        {
            csv.Append(a.Id).Append(",\"").Append(a.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",\"")
                .Append(a.Topic).Append("\",\"").Append(a.Executor).Append("\"\n");
        }

        var file = _temp.Write("labeled.csv", csv.ToString());
        var db = _temp.File("cases.db");
        var imported = await Support.Cli.RunAsync(_temp.Path, "import", file, "--preset", "kursk", "--db", db);
        Assert.True(imported.ExitCode == 0, imported.Stderr);

        var model = _temp.File("from-db.model");
        var run = await Support.Cli.RunAsync(_temp.Path, "train", "--from-db", "--db", db, "--out", model);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"trained on {SmallModel.Held.Count} appeals", run.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.True(File.Exists(model));
    }

    [Fact]
    public async Task Train_from_an_empty_database_fails_with_a_hint()
    {
        var run = await Support.Cli.RunAsync(_temp.Path, "train", "--from-db", "--db", _temp.File("empty.db"), "--out", _temp.File("m.model"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("labeled cases", run.Stderr, StringComparison.Ordinal);
    }
}
