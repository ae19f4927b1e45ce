using Otklik.Routing;
using Otklik.Tests.Text;
using Otklik.Text.Classification;
using Otklik.Text.Understanding;

namespace Otklik.Tests.Understanding;

public class ModelRoutingComparisonTests
{
    [Fact]
    public void The_comparison_scores_the_text_model_and_the_router_on_the_same_out_of_fold_appeals()
    {
        var appeals = SmallModel.Held;
        var recognizer = ReferenceData.Places(ReferenceData.Find());

        var report = ModelRoutingComparison.Run(appeals, recognizer, new RoutingEvaluationOptions(Folds: 2), new TrainingOptions { CalibrationFolds = 2 });

        var model = Assert.Single(report.Scores, s => s.Variant == RoutingEvaluation.ModelOnly);
        var router = Assert.Single(report.Scores, s => s.Variant == RoutingEvaluation.ModelWithPlace);
        Assert.Equal(appeals.Count, model.Count);
        Assert.Equal(appeals.Count, router.Count);
        Assert.InRange(router.Accuracy, 0.2, 1.0);
        Assert.Equal(1.0, report.Coverage[0].Coverage);
        Assert.True(report.Coverage.Zip(report.Coverage.Skip(1)).All(p => p.First.Coverage >= p.Second.Coverage));
    }

    [Fact]
    public void Folds_match_the_routing_evaluations_split()
    {
        var folds = ModelRoutingComparison.Folds(10, 5, 17);

        Assert.Equal(5, folds.Distinct().Count());
        Assert.All(folds.GroupBy(f => f), g => Assert.Equal(2, g.Count()));
    }
}
