using Otklik.Ingest;
using Otklik.Places;
using Otklik.Routing;
using Otklik.Text.Classification;

namespace Otklik.Text.Understanding;

/// <summary>
/// The text model against the router on the same out-of-fold predictions: k-fold cross-validation where each fold's
/// model and routing table learn from the other folds only. Folds are assigned exactly as <see cref="RoutingEvaluation"/>
/// assigns them (same seed, same shuffle), so its table/place variants and these figures share one split.
/// </summary>
public static class ModelRoutingComparison
{
    /// <summary>Router confidence thresholds the coverage table reports.</summary>
    public static readonly double[] Thresholds = [0, 0.5, 0.6, 0.7, 0.8, 0.9];

    public static ComparisonReport Run(
        IReadOnlyList<LabeledAppeal> appeals, PlaceRecognizer recognizer, RoutingEvaluationOptions? options = null,
        TrainingOptions? training = null, Action<int, double>? foldDone = null)
    {
        ArgumentNullException.ThrowIfNull(appeals);
        ArgumentNullException.ThrowIfNull(recognizer);
        options ??= RoutingEvaluationOptions.Default;
        var fold = Folds(appeals.Count, options.Folds, options.Seed);
        var predictions = new Dictionary<string, ModelPrediction>(StringComparer.Ordinal);
        double seconds = 0;
        for (var f = 0; f < options.Folds; f++)
        {
            var trainIds = Enumerable.Range(0, appeals.Count).Where(i => fold[i] != f).ToList();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var model = TextClassifier.Train(trainIds.Select(i => appeals[i]), training);
            seconds += clock.Elapsed.TotalSeconds;
            foreach (var i in Enumerable.Range(0, appeals.Count).Where(i => fold[i] == f))
            {
                var p = model.Predict(appeals[i].Text);
                var prediction = new ModelPrediction(
                    p.Executor.Top.Select(t => new ScoredLabel(t.Label, t.Probability)).ToList(),
                    p.Topic.Top.Select(t => new ScoredLabel(t.Label, t.Probability)).ToList());
                predictions[appeals[i].Id] = prediction;
            }

            foldDone?.Invoke(f, clock.Elapsed.TotalSeconds);
        }

        // The same folds' tables route the predictions: CrossValidate derives each from the other folds, as above.
        var routed = new List<RoutedAppeal>();
        var scores = RoutingEvaluation.CrossValidate(appeals, recognizer, options, predictions, routed);
        return new ComparisonReport(scores, Coverage(routed), seconds / options.Folds, predictions, routed);
    }

    /// <summary>The router's share of appeals at or above each confidence threshold and its accuracy on them.</summary>
    public static IReadOnlyList<CoverageAtThreshold> Coverage(IReadOnlyList<RoutedAppeal> routed)
    {
        ArgumentNullException.ThrowIfNull(routed);
        return Thresholds.Select(t =>
        {
            var kept = routed.Where(r => r.Confidence >= t).ToList();
            return new CoverageAtThreshold(t, kept.Count / (double)Math.Max(1, routed.Count), kept.Count == 0 ? 0 : kept.Count(r => r.RouterRight) / (double)kept.Count);
        }).ToList();
    }

    /// <summary>The fold of each appeal, as <see cref="RoutingEvaluation.CrossValidate"/> assigns them.</summary>
    public static int[] Folds(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[count];
        for (var i = 0; i < order.Length; i++)
        {
            fold[order[i]] = i % folds;
        }

        return fold;
    }
}
