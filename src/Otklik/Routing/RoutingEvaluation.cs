using Otklik.Ingest;
using Otklik.Places;

namespace Otklik.Routing;

/// <summary>
/// K-fold cross-validation of the router on labeled appeals: each fold's table is derived from the other folds only.
/// Variants: the table with the gold topic, with and without the place (the upper bound a perfect topic model reaches);
/// place alone; and, given out-of-fold model predictions keyed by appeal id, the model alone and the model combined
/// with place and table — the figure to compare with the text model's own accuracy.
/// </summary>
public static class RoutingEvaluation
{
    public const string GoldTopicWithPlace = "table + place + gold topic";
    public const string GoldTopicNoPlace = "table + gold topic, no place";
    public const string PlaceOnly = "table + place, no topic";
    public const string ModelOnly = "text model alone";
    public const string ModelWithPlace = "table + place + model (topics and executors)";
    public const string ModelGoldTopic = "table + place + gold topic + model executors";

    public static IReadOnlyList<RoutingScore> CrossValidate(
        IReadOnlyList<LabeledAppeal> appeals,
        PlaceRecognizer recognizer,
        RoutingEvaluationOptions? options = null,
        IReadOnlyDictionary<string, ModelPrediction>? modelPredictions = null)
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
                    Tally(ModelOnly, a.Executor, model.Executors.OrderByDescending(e => e.Probability).Select(e => e.Label).ToList());
                    Tally(ModelWithPlace, a.Executor, Bodies(router.Route(new RoutingRequest(a.Text, model.Topics, model.Executors, hint), places[i])));
                    Tally(ModelGoldTopic, a.Executor, Bodies(router.Route(new RoutingRequest(a.Text, gold, model.Executors, hint), places[i])));
                }
            }
        }

        return tallies.Select(t => new RoutingScore(t.Key, t.Value.N, (double)t.Value.Hit / t.Value.N, (double)t.Value.Top3 / t.Value.N)).ToList();
    }

    private static List<string> Bodies(RouteResult result) => result.Candidates.Select(c => c.Body).ToList();
}
