using Otklik.Cli;
using Otklik.Ingest;
using Otklik.Routing;

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

    [Fact]
    public async Task Route_eval_on_saved_predictions_prints_the_paired_comparison_without_crashing()
    {
        // 250 appeals, a model right on two in three: enough for every table of the report, in seconds.
        var dir = Directory.CreateTempSubdirectory("otklik-route-eval-");
        try
        {
            var appeals = KurskFormat.LoadLabeled(SharedData.Path("appeals/kursk-train.csv")).Take(250).ToList();
            var appealsPath = Path.Combine(dir.FullName, "appeals.csv");
            await File.WriteAllLinesAsync(appealsPath, appeals.Select(a => string.Join(',', new[] { a.Id, a.Text, a.Topic, a.Executor, a.Group ?? string.Empty }
                .Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))));
            var predictionsPath = Path.Combine(dir.FullName, "oof.jsonl");
            ModelPredictionFile.Save(predictionsPath, appeals.Select((a, i) => (a.Id, new ModelPrediction(i % 3 == 0
                ? [new ScoredLabel("Администрация города Курска", 0.6), new ScoredLabel(a.Executor, 0.3)]
                : [new ScoredLabel(a.Executor, 0.7)]), (RouteTerritory?)null)));

            var code = await OtklikApp.RunAsync(["route", "--eval", "--appeals", appealsPath, "--predictions", predictionsPath]);

            Assert.Equal(0, code);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
