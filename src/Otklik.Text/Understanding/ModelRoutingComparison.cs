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
        var hint = new PlaceHint(options.RegionHint);
        var places = appeals.Select(a => recognizer.Recognize(a.Text, hint)).ToList();
        var territories = places.Select(p => RouteTerritory.From(p, recognizer.Gazetteer, hint)).ToList();
        var predictions = new Dictionary<string, ModelPrediction>(StringComparer.Ordinal);
        var routed = new List<(double Confidence, bool Right)>();
        double seconds = 0;
        for (var f = 0; f < options.Folds; f++)
        {
            var trainIds = Enumerable.Range(0, appeals.Count).Where(i => fold[i] != f).ToList();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var model = TextClassifier.Train(trainIds.Select(i => appeals[i]), training);
            seconds += clock.Elapsed.TotalSeconds;
            var router = new Router(RoutingTableBuilder.Derive(trainIds.Select(i => (appeals[i], territories[i]))), recognizer, options.Weights);
            foreach (var i in Enumerable.Range(0, appeals.Count).Where(i => fold[i] == f))
            {
                var p = model.Predict(appeals[i].Text);
                var prediction = new ModelPrediction(
                    p.Executor.Top.Select(t => new ScoredLabel(t.Label, t.Probability)).ToList(),
                    p.Topic.Top.Select(t => new ScoredLabel(t.Label, t.Probability)).ToList());
                predictions[appeals[i].Id] = prediction;
                var route = router.Route(new RoutingRequest(appeals[i].Text, prediction.Topics, prediction.Executors, hint), places[i]);
                routed.Add((Understanding.RouterConfidence(route), route.Best?.Body == appeals[i].Executor));
            }

            foldDone?.Invoke(f, clock.Elapsed.TotalSeconds);
        }

        var scores = RoutingEvaluation.CrossValidate(appeals, recognizer, options, predictions);
        var coverage = Thresholds.Select(t =>
        {
            var kept = routed.Where(r => r.Confidence >= t).ToList();
            return new CoverageAtThreshold(t, kept.Count / (double)routed.Count, kept.Count == 0 ? 0 : kept.Count(r => r.Right) / (double)kept.Count);
        }).ToList();
        return new ComparisonReport(scores, coverage, seconds / options.Folds, predictions);
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
