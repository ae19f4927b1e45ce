using Otklik.Ingest;
using Otklik.Text.Classification;

namespace Otklik.Tests.Text;

/// <summary>
/// One model trained once per test run on the appeals of the ten largest topics (fast: a few seconds), shared by the
/// classifier and CLI tests; <see cref="Held"/> are appeals of those topics it did not see.
/// </summary>
internal static class SmallModel
{
    private static readonly Lazy<(TextClassifier Model, string Path, List<LabeledAppeal> Held)> Trained = new(Train);

    public static TextClassifier Model => Trained.Value.Model;

    /// <summary>The model saved to a temporary file.</summary>
    public static string Path => Trained.Value.Path;

    public static List<LabeledAppeal> Held => Trained.Value.Held;

    private static (TextClassifier, string, List<LabeledAppeal>) Train()
    {
        var all = KurskFormat.LoadLabeled(SharedData.Path("appeals/kursk-train.csv"));
        var topics = all.GroupBy(a => a.Topic).OrderByDescending(g => g.Count()).Take(10).Select(g => g.Key).ToHashSet();
        var chosen = all.Where(a => topics.Contains(a.Topic)).ToList();
        var train = chosen.Where((_, i) => i % 5 != 0).ToList();
        var held = chosen.Where((_, i) => i % 5 == 0).ToList();
        var model = TextClassifier.Train(train, new TrainingOptions { CalibrationFolds = 2 });
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"otklik-test-{Environment.ProcessId}.model");
        model.Save(path);
        return (model, path, held);
    }
}
