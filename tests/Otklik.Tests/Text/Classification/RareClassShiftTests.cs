using Otklik.Text.Classification;

namespace Otklik.Tests.Text.Classification;

public class RareClassShiftTests
{
    [Fact]
    public void A_rare_class_that_narrowly_loses_gets_its_examples_back()
    {
        // Eight examples of class 0 that it wins clearly, two of class 1 that class 0 wins by 0.05.
        var (scores, labels) = Examples(commonMargin: 1.0f, rareMargin: 0.05f);

        var (alpha, shift) = RareClassShift.Fit(scores, labels, [8, 2], tolerance: 0, top3Tolerance: 0);

        Assert.True(alpha > 0);
        Assert.Equal(0f, shift[0]);
        Assert.True(shift[1] > 0.05f);
    }

    [Fact]
    public void No_shift_when_every_one_that_helps_the_rare_class_costs_accuracy()
    {
        // Class 0 wins its own examples by only 0.01: any shift that rescues class 1 loses all eight of them.
        var (scores, labels) = Examples(commonMargin: 0.01f, rareMargin: 0.05f);

        var (alpha, shift) = RareClassShift.Fit(scores, labels, [8, 2], tolerance: 0, top3Tolerance: 0);

        Assert.Equal(0f, alpha);
        Assert.All(shift, s => Assert.Equal(0f, s));
    }

    private static (List<float[]> Scores, int[] Labels) Examples(float commonMargin, float rareMargin)
    {
        var scores = new List<float[]>();
        var labels = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            scores.Add([0.5f, 0.5f - commonMargin]);
            labels.Add(0);
        }

        for (var i = 0; i < 2; i++)
        {
            scores.Add([0.5f, 0.5f - rareMargin]);
            labels.Add(1);
        }

        return (scores, labels.ToArray());
    }
}
