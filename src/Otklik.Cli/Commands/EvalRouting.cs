using Otklik.Ingest;
using Otklik.Routing;
using Otklik.Text.Classification;
using Otklik.Text.Evaluation;
using Otklik.Text.Understanding;

namespace Otklik.Cli.Commands;

/// <summary>The router's half of `otklik eval`: executor metrics of the routed body on the same appeals.</summary>
internal static class EvalRouting
{
    /// <summary>Null (and a note on stderr) when the reference data (gazetteer, table) cannot be found.</summary>
    public static TargetMetrics? Evaluate(TextClassifier model, IReadOnlyList<LabeledAppeal> appeals, string? table)
    {
        try
        {
            var folder = ReferenceData.Find();
            var understanding = ReferenceData.Load(model, folder, table is null ? null : RoutingTableFile.Load(table));
            return RouterEvaluator.Evaluate(understanding, appeals);
        }
        catch (DataFileException e)
        {
            Console.Error.WriteLine($"otklik: router figures skipped: {e.Message}");
            return null;
        }
    }

    public static Dictionary<string, object> Json(TargetMetrics m) => new()
    {
        ["n"] = m.N,
        ["accuracy"] = Math.Round(m.Accuracy, 4),
        ["macro_f1"] = Math.Round(m.MacroF1, 4),
        ["top3"] = Math.Round(m.Top3, 4),
    };
}
