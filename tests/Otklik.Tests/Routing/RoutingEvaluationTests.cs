using Otklik.Ingest;
using Otklik.Routing;
using Otklik.Tests.Places;

namespace Otklik.Tests.Routing;

public class RoutingEvaluationTests
{
    private static readonly Lazy<List<LabeledAppeal>> Appeals = new(() => KurskFormat.LoadLabeled(SharedData.Path("appeals/kursk-train.csv")));

    [Fact]
    public void Cross_validated_routing_with_the_gold_topic_keeps_its_floor_and_place_helps()
    {
        var scores = RoutingEvaluation.CrossValidate(Appeals.Value, ShippedGazetteer.Recognizer).ToDictionary(s => s.Variant);
        var withPlace = scores[RoutingEvaluation.GoldTopicWithPlace];
        var noPlace = scores[RoutingEvaluation.GoldTopicNoPlace];

        // Measured 0.43 / 0.71 with place, 0.42 / 0.69 without.
        Assert.Equal(2000, withPlace.Count);
        Assert.True(withPlace.Accuracy >= 0.40 && withPlace.Top3 >= 0.68, withPlace.ToString());
        Assert.True(withPlace.Top3 > noPlace.Top3, $"{withPlace} vs {noPlace}");
    }

    [Fact]
    public void Model_predictions_are_scored_alone_and_combined()
    {
        var appeals = Appeals.Value.Take(300).ToList();
        // A model that is right two times in three: the gold executor, or a wrong one with more probability.
        var predictions = appeals.Select((a, i) => (a.Id, Prediction: new ModelPrediction(i % 3 == 0
            ? [new ScoredLabel("A body that answers nothing", 0.6), new ScoredLabel(a.Executor, 0.3)]
            : [new ScoredLabel(a.Executor, 0.7)]))).ToDictionary(p => p.Id, p => p.Prediction);

        var routed = new List<RoutedAppeal>();
        var scores = RoutingEvaluation.CrossValidate(appeals, ShippedGazetteer.Recognizer, null, predictions, routed).ToDictionary(s => s.Variant);

        Assert.Equal(2.0 / 3, scores[RoutingEvaluation.ModelOnly].Accuracy, 2);
        Assert.Equal(1.0, scores[RoutingEvaluation.ModelOnly].Top3, 2);
        Assert.True(scores.ContainsKey(RoutingEvaluation.ModelWithPlace));
        Assert.Equal(300, scores[RoutingEvaluation.ModelWithPlaceTuned].Count);
        Assert.True(scores[RoutingEvaluation.ModelGoldTopic].Accuracy >= scores[RoutingEvaluation.GoldTopicWithPlace].Accuracy);
        // Each held-out appeal once, paired: the model's own right answers, the router's as its score says.
        Assert.Equal(300, routed.Select(r => r.Id).Distinct().Count());
        Assert.Equal(200, routed.Count(r => r.ModelRight));
        Assert.Equal(scores[RoutingEvaluation.ModelWithPlace].Accuracy, routed.Count(r => r.RouterRight) / 300.0, 9);
    }
}
