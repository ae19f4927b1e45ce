using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Otklik.Text.Classification;
using Otklik.Text.Evaluation;
using Otklik.Text.Understanding;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary>`otklik eval`: scores a model on a labeled file it has not seen, per head, with calibration and coverage.</summary>
internal sealed class EvalCommand : Command<EvalCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <MODEL>")]
        [Description("The model to evaluate. Defaults to ./data/otklik.model")]
        [DefaultValue(TextCommandSupport.DefaultModelPath)]
        public string Model { get; init; } = TextCommandSupport.DefaultModelPath;

        [CommandOption("--data <FILE>")]
        [Description("Labeled appeals to evaluate on")]
        public string Data { get; init; } = "";

        [CommandOption("--preset <PRESET>")]
        [Description("Format of the data file. Defaults to kursk")]
        [DefaultValue("kursk")]
        public string Preset { get; init; } = "kursk";

        [CommandOption("--json")]
        [Description("Print one JSON object: {\"topic\": {\"n\", \"accuracy\", \"macro_f1\", \"top3\"}, \"group\": …, \"executor\": …}")]
        public bool Json { get; init; }

        [CommandOption("--table <CSV>")]
        [Description("Routing table for the router's figures. Defaults to data/routing/kursk-routing.csv (derived from the whole Kursk file: optimistic on it)")]
        public string? Table { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Data) ? ValidationResult.Error("--data FILE is required (a labeled CSV)") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = TextCommandSupport.Out();
        var model = TextCommandSupport.LoadModel(settings.Model);
        var appeals = model is null ? null : TextCommandSupport.ReadLabeled(settings.Data, settings.Preset);
        if (model is null || appeals is null)
        {
            return TextCommandSupport.Failed;
        }

        var report = Evaluator.Evaluate(model, appeals);
        var routed = EvalRouting.Evaluate(model, appeals, settings.Table);
        var heads = new[] { TextClassifier.TopicHead, TextClassifier.GroupHead, TextClassifier.ExecutorHead }.Where(report.ContainsKey).ToList();
        if (settings.Json)
        {
            var json = heads.ToDictionary(h => h, h => new Dictionary<string, object>
            {
                ["n"] = report[h].N,
                ["accuracy"] = Math.Round(report[h].Accuracy, 4),
                ["macro_f1"] = Math.Round(report[h].MacroF1, 4),
                ["top3"] = Math.Round(report[h].Top3, 4),
            });
            var output = json.ToDictionary(p => p.Key, p => (object)p.Value);
            if (routed is not null)
            {
                output["router"] = new Dictionary<string, object> { [RouterEvaluator.ExecutorRouted] = EvalRouting.Json(routed) };
            }

            Console.Out.WriteLine(JsonSerializer.Serialize(output));
            return 0;
        }

        var table = new Table().AddColumns("head", "n", "accuracy", "macro-F1", "top-3", "ECE");
        foreach (var h in heads)
        {
            var m = report[h];
            table.AddRow(h, m.N.ToString(CultureInfo.InvariantCulture), F(m.Accuracy), F(m.MacroF1), F(m.Top3), F(m.ExpectedCalibrationError));
        }

        if (routed is not null)
        {
            table.AddRow("executor (router)", routed.N.ToString(CultureInfo.InvariantCulture), F(routed.Accuracy), F(routed.MacroF1), F(routed.Top3), "-");
        }

        console.Write(table);
        var coverage = new Table().Title("operator threshold: share decided automatically / accuracy on it").AddColumn("threshold");
        foreach (var h in heads)
        {
            coverage.AddColumn(h);
        }

        foreach (var threshold in Metrics.Thresholds)
        {
            coverage.AddRow([F(threshold, "F1"), .. heads.Select(h =>
            {
                var point = report[h].Coverage.First(p => p.Threshold.Equals(threshold));
                return $"{F(point.Coverage, "P0")} / {F(point.Accuracy)}";
            })]);
        }

        console.Write(coverage);
        console.WriteLine($"model {model.ModelVersion}, {appeals.Count} appeals");
        return 0;
    }

    private static string F(double value, string format = "F3") => value.ToString(format, CultureInfo.InvariantCulture);
}
