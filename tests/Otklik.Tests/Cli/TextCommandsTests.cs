using System.Text;
using System.Text.Json;
using Otklik.Cli;
using Otklik.Tests.Text;

namespace Otklik.Tests.Cli;

[Collection("Console")]
public class TextCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("otklik-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Eval_json_has_one_object_per_labeled_head_and_leaves_out_a_missing_group_column()
    {
        var withGroup = WriteCsv("with-group.csv", withGroup: true);
        var withoutGroup = WriteCsv("without-group.csv", withGroup: false);

        var (code, output) = await Run("eval", "--model", SmallModel.Path, "--data", withGroup, "--json");
        Assert.Equal(0, code);
        using (var json = JsonDocument.Parse(output))
        {
            // "router" (the routed executor, issue 4) follows the text model's heads.
            Assert.Equal(["topic", "group", "executor", "router"], json.RootElement.EnumerateObject().Select(p => p.Name));
            foreach (var head in json.RootElement.EnumerateObject().Where(p => p.Name != "router"))
            {
                Assert.Equal(["n", "accuracy", "macro_f1", "top3"], head.Value.EnumerateObject().Select(p => p.Name));
                Assert.Equal(SmallModel.Held.Count, head.Value.GetProperty("n").GetInt32());
                Assert.InRange(head.Value.GetProperty("accuracy").GetDouble(), 0.3, 1.0);
            }
        }

        (code, output) = await Run("eval", "--model", SmallModel.Path, "--data", withoutGroup, "--json");
        Assert.Equal(0, code);
        using var second = JsonDocument.Parse(output);
        Assert.Equal(["topic", "executor", "router"], second.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Train_writes_a_model_that_classify_can_use()
    {
        var data = WriteCsv("train.csv", withGroup: true);
        var model = Path.Combine(_dir, "m.model");

        var (code, _) = await Run("train", "--data", data, "--out", model);
        Assert.Equal(0, code);
        Assert.True(File.Exists(model));

        (code, var output) = await Run("classify", "Огромные ямы на дороге", "--model", model);
        Assert.Equal(0, code);
        Assert.Contains("topic", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_without_a_model_fails_with_a_hint_and_a_non_zero_exit_code()
    {
        var (code, _) = await Run("classify", "ямы", "--model", Path.Combine(_dir, "missing.model"));

        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Eval_of_a_missing_data_file_or_an_unknown_preset_fails()
    {
        Assert.Equal(1, (await Run("eval", "--model", SmallModel.Path, "--data", Path.Combine(_dir, "nope.csv"))).Code);
        Assert.Equal(1, (await Run("eval", "--model", SmallModel.Path, "--data", WriteCsv("x.csv", true), "--preset", "spb")).Code);
    }

    private string WriteCsv(string name, bool withGroup)
    {
        var path = Path.Combine(_dir, name);
        var builder = new StringBuilder();
        foreach (var a in SmallModel.Held)
        {
            builder.Append(a.Id).Append(",\"").Append(a.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",\"")
                .Append(a.Topic).Append("\",\"").Append(a.Executor).Append('"');
            if (withGroup)
            {
                builder.Append(',').Append(a.Group);
            }

            builder.Append('\n');
        }

        File.WriteAllText(path, builder.ToString());
        return path;
    }

    private static async Task<(int Code, string Output)> Run(params string[] args)
    {
        var saved = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            return (await OtklikApp.RunAsync(args), output.ToString());
        }
        finally
        {
            Console.SetOut(saved);
        }
    }
}
