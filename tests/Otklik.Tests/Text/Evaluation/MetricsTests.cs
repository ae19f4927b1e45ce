using Otklik.Text.Classification;
using Otklik.Text.Evaluation;

namespace Otklik.Tests.Text.Evaluation;

public class MetricsTests
{
    private static IReadOnlyList<LabelProbability> Top(params (string Label, double P)[] ranked) =>
        ranked.Select(r => new LabelProbability(r.Label, r.P)).ToList();

    [Fact]
    public void Macro_f1_averages_over_labels_seen_in_truth_or_prediction()
    {
        // a: tp 1, fp 1, fn 1 → 0.5; b: tp 1, fp 1 → 2/3; c: never right → 0. Mean 0.3889.
        var f1 = Metrics.MacroF1(["a", "a", "b", "c"], ["a", "b", "b", "a"]);

        Assert.Equal((0.5 + (2.0 / 3.0)) / 3.0, f1, 6);
    }

    [Fact]
    public void Expected_calibration_error_matches_a_hand_computed_case()
    {
        // Two predictions at 0.9 with one right (gap 0.4), two at 0.6 both right (gap 0.4): ECE = 0.4.
        var metrics = Metrics.Compute(
            ["a", "a", "a", "a"],
            [Top(("a", 0.9)), Top(("b", 0.9)), Top(("a", 0.6)), Top(("a", 0.6))]);

        Assert.Equal(0.4, metrics.ExpectedCalibrationError, 6);
        Assert.Equal(0.75, metrics.Accuracy, 6);
        var bin = metrics.Reliability.Single(b => b.Count == 2 && b.Lower >= 0.85);
        Assert.Equal(0.5, bin.Accuracy, 6);
    }

    [Fact]
    public void Coverage_drops_unsure_predictions_and_reports_accuracy_on_the_rest()
    {
        var metrics = Metrics.Compute(
            ["a", "a", "a", "a"],
            [Top(("a", 0.95)), Top(("b", 0.35)), Top(("a", 0.65)), Top(("b", 0.55))]);

        var at6 = metrics.Coverage.Single(p => p.Threshold.Equals(0.6));
        Assert.Equal(0.5, at6.Coverage, 6);
        Assert.Equal(1.0, at6.Accuracy, 6);
        Assert.Equal(0.5, metrics.Coverage.Single(p => p.Threshold.Equals(0.0)).Accuracy, 6);
    }

    [Fact]
    public void Top3_counts_the_gold_label_anywhere_in_the_first_three()
    {
        var metrics = Metrics.Compute(["c", "x"], [Top(("a", 0.5), ("b", 0.3), ("c", 0.2)), Top(("a", 0.5), ("b", 0.3), ("c", 0.2))]);

        Assert.Equal(0.5, metrics.Top3, 6);
        Assert.Equal(0.0, metrics.Accuracy, 6);
    }
}
