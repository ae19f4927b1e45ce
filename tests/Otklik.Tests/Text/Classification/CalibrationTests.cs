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
}
