using Otklik.Ingest;
using Otklik.Places;

namespace Otklik.Routing;

/// <summary>
/// K-fold cross-validation of the router on labeled appeals: each fold's table is derived from the other folds only.
/// Variants: the table with the gold topic, with and without the place (the upper bound a perfect topic model reaches);
/// place alone; and, given out-of-fold model predictions keyed by appeal id, the model alone and the model combined
/// with place and table — the figure to compare with the text model's own accuracy — with the default weights and with
/// weights chosen per fold by an inner cross-validation of the training folds. <c>routed</c>, when given, collects the
/// combined router's confidence and whether it and the model alone were right, per appeal (see <see cref="PairedComparison"/>).
/// </summary>
public static class RoutingEvaluation
{
    public const string GoldTopicWithPlace = "table + place + gold topic";
    public const string GoldTopicNoPlace = "table + gold topic, no place";
    public const string PlaceOnly = "table + place, no topic";
    public const string ModelOnly = "text model alone";
    public const string ModelWithPlace = "table + place + model (topics and executors)";
    public const string ModelGoldTopic = "table + place + gold topic + model executors";
    public const string ModelWithPlaceTuned = "table + place + model, weights by inner CV";

    /// <summary>Inner folds of the training folds that choose the weights for <see cref="ModelWithPlaceTuned"/>.</summary>
    public const int InnerFolds = 4;

    /// <summary>The weights the inner cross-validation chooses from; the default first (it wins ties).</summary>
    public static readonly IReadOnlyList<RouterWeights> WeightGrid =
    [
        RouterWeights.Default,
        .. from rule in new[] { 0.5, 1.0 }
           from place in new[] { 0.5, 1.0 }
           from foreign in new[] { 1.0, 2.0, 4.0 }
           select RouterWeights.Default with { Rule = rule, Place = place, Foreign = foreign },
    ];

    public static IReadOnlyList<RoutingScore> CrossValidate(
        IReadOnlyList<LabeledAppeal> appeals,
        PlaceRecognizer recognizer,
        RoutingEvaluationOptions? options = null,
        IReadOnlyDictionary<string, ModelPrediction>? modelPredictions = null,
        List<RoutedAppeal>? routed = null)
    {
        ArgumentNullException.ThrowIfNull(appeals);
        ArgumentNullException.ThrowIfNull(recognizer);
        options ??= RoutingEvaluationOptions.Default;
        var hint = new PlaceHint(options.RegionHint);
        var places = appeals.Select(a => recognizer.Recognize(a.Text, hint)).ToList();
        var territories = places.Select(p => RouteTerritory.From(p, recognizer.Gazetteer, hint)).ToList();
        var nowhere = recognizer.Recognize(string.Empty, hint);

        var order = Enumerable.Range(0, appeals.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var fold = new int[appeals.Count];
        for (var i = 0; i < order.Length; i++)
        {
            fold[order[i]] = i % options.Folds;
        }

        var tallies = new Dictionary<string, (int N, int Hit, int Top3)>(StringComparer.Ordinal);
        void Tally(string variant, string gold, IReadOnlyList<string> ranked)
        {
            var (n, hit, top3) = tallies.GetValueOrDefault(variant);
            tallies[variant] = (n + 1, hit + (ranked.Count > 0 && ranked[0] == gold ? 1 : 0), top3 + (ranked.Take(3).Contains(gold) ? 1 : 0));
        }

        for (var f = 0; f < options.Folds; f++)
        {
            var train = Enumerable.Range(0, appeals.Count).Where(i => fold[i] != f).Select(i => (appeals[i], territories[i]));
            var router = new Router(RoutingTableBuilder.Derive(train), recognizer, options.Weights);
            foreach (var i in Enumerable.Range(0, appeals.Count).Where(i => fold[i] == f))
            {
                var a = appeals[i];
                var gold = new[] { new ScoredLabel(a.Topic, 1) };
                Tally(GoldTopicWithPlace, a.Executor, Bodies(router.Route(new RoutingRequest(a.Text, gold, null, hint), places[i])));
                Tally(GoldTopicNoPlace, a.Executor, Bodies(router.Route(new RoutingRequest(a.Text, gold, null, hint), nowhere)));
                Tally(PlaceOnly, a.Executor, Bodies(router.Route(new RoutingRequest(a.Text, null, null, hint), places[i])));
                if (modelPredictions is not null && modelPredictions.TryGetValue(a.Id, out var model))
                {
                    var alone = model.Executors.OrderByDescending(e => e.Probability).Select(e => e.Label).ToList();
                    Tally(ModelOnly, a.Executor, alone);
                    var route = router.Route(new RoutingRequest(a.Text, model.Topics, model.Executors, hint), places[i]);
                    Tally(ModelWithPlace, a.Executor, Bodies(route));
                    var total = route.Candidates.Sum(c => c.Score);
                    routed?.Add(new RoutedAppeal(
                        a.Id, route.Best is { } best && total > 0 ? best.Score / total : 0, route.Best?.Body == a.Executor,
                        alone.Count > 0 && alone[0] == a.Executor, territories[i].City is not null || territories[i].District is not null));
                    Tally(ModelGoldTopic, a.Executor, Bodies(router.Route(new RoutingRequest(a.Text, gold, model.Executors, hint), places[i])));
                }
            }

            if (modelPredictions is not null && options.TuneWeights)
            {
                var trainIds = Enumerable.Range(0, appeals.Count).Where(i => fold[i] != f && modelPredictions.ContainsKey(appeals[i].Id)).ToList();
                var weights = Tune(trainIds, appeals, territories, places, recognizer, modelPredictions, hint);
                var tuned = new Router(router.Table, recognizer, weights);
                foreach (var i in Enumerable.Range(0, appeals.Count).Where(i => fold[i] == f))
                {
                    if (modelPredictions.TryGetValue(appeals[i].Id, out var model))
                    {
                        Tally(ModelWithPlaceTuned, appeals[i].Executor,
                            Bodies(tuned.Route(new RoutingRequest(appeals[i].Text, model.Topics, model.Executors, hint), places[i])));
                    }
                }
            }
        }

        return tallies.Select(t => new RoutingScore(t.Key, t.Value.N, (double)t.Value.Hit / t.Value.N, (double)t.Value.Top3 / t.Value.N)).ToList();
    }

    /// <summary>
    /// The grid's weights that route the training appeals best when each inner fold is routed by a table of the other
    /// inner folds. Only the training folds' appeals and labels are read; their model predictions are out-of-fold too.
    /// </summary>
    private static RouterWeights Tune(
        List<int> train, IReadOnlyList<LabeledAppeal> appeals, List<RouteTerritory> territories, List<PlaceRecognition> places,
        PlaceRecognizer recognizer, IReadOnlyDictionary<string, ModelPrediction> predictions, PlaceHint hint)
    {
        var hits = new int[WeightGrid.Count];
        for (var inner = 0; inner < InnerFolds; inner++)
        {
            var k = inner;
            var table = RoutingTableBuilder.Derive(train.Where((_, j) => j % InnerFolds != k).Select(i => (appeals[i], territories[i])));
            var test = train.Where((_, j) => j % InnerFolds == k).ToList();
            for (var g = 0; g < WeightGrid.Count; g++)
            {
                var router = new Router(table, recognizer, WeightGrid[g]);
                foreach (var i in test)
                {
                    var model = predictions[appeals[i].Id];
                    var best = router.Route(new RoutingRequest(appeals[i].Text, model.Topics, model.Executors, hint), places[i]).Best;
                    hits[g] += best?.Body == appeals[i].Executor ? 1 : 0;
                }
            }
        }

        return WeightGrid[Array.IndexOf(hits, hits.Max())];
    }

    private static List<string> Bodies(RouteResult result) => result.Candidates.Select(c => c.Body).ToList();
}
