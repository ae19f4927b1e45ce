using Otklik.Text.Classification;

namespace Otklik.Tests.Text.Classification;

public class CalibrationTests
{
    [Fact]
    public void Softmax_with_a_temperature_matches_the_formula()
    {
        var p = new double[2];

        Softmax.Apply([2f, 0f], 2f, p);

        Assert.Equal(Math.E / (Math.E + 1), p[0], 6);
        Assert.Equal(1.0, p[0] + p[1], 9);
    }

    [Fact]
    public void Temperature_is_fitted_to_the_observed_hit_rate()
    {
        // Scores [1, 0] every time, label 0 three times out of four: the best p(0) is 0.75, so 1/T = ln 3.
        float[][] scores = [[1f, 0f], [1f, 0f], [1f, 0f], [1f, 0f]];
        int[] labels = [0, 0, 0, 1];

        var t = TemperatureScaling.Fit(scores, labels);

        Assert.Equal(1 / Math.Log(3), t, 3);
    }

    [Fact]
    public void The_confidence_map_pools_confidences_whose_hit_rate_goes_down()
    {
        // 0.6 is right less often than 0.5: the two pool into one block at their mean hit rate.
        double[] confidence = [0.6, 0.2, 0.9, 0.5];
        bool[] correct = [false, false, true, true];

        var map = ConfidenceMap.Fit(confidence, correct);

        Assert.Equal([0.2, 0.55, 0.9], map.From);
        Assert.Equal([0.0, 0.5, 1.0], map.To);
        Assert.Equal(0.25, map.Apply(0.375), 6);
        Assert.Equal(1.0, map.Apply(0.99));
    }

    [Fact]
    public void A_calibrated_confidence_keeps_the_ranking_and_the_sum_at_most_one()
    {
        var map = new ConfidenceMap([0.3, 0.9], [0.1, 0.5]);
        double[] p = [0.35, 0.5, 0.15];

        map.Calibrate(p);

        Assert.True(p[1] >= p[0] && p[1] >= p[2], string.Join(", ", p));
        Assert.InRange(p.Sum(), 0, 1 + 1e-9);
    }
}
