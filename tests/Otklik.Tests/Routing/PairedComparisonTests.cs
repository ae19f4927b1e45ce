using Otklik.Routing;

namespace Otklik.Tests.Routing;

public class PairedComparisonTests
{
    [Fact]
    public void McNemar_exact_p_is_the_two_sided_binomial_tail_of_the_disagreements()
    {
        // 10 to 0: 2 × 0.5^10.
        Assert.Equal(2 * Math.Pow(0.5, 10), PairedComparison.McNemarExact(10, 0), 12);
        // 8 to 2: 2 × (1 + 10 + 45) / 1024.
        Assert.Equal(2 * 56 / 1024.0, PairedComparison.McNemarExact(8, 2), 12);
        Assert.Equal(PairedComparison.McNemarExact(2, 8), PairedComparison.McNemarExact(8, 2), 12);
        Assert.Equal(1, PairedComparison.McNemarExact(5, 5));
        Assert.Equal(1, PairedComparison.McNemarExact(0, 0));
    }

    [Fact]
    public void McNemar_p_stays_finite_for_thousands_of_disagreements()
    {
        // 2^-1200 underflows a double: the sum must be taken in logs.
        var p = PairedComparison.McNemarExact(700, 500);
        Assert.True(p is > 0 and < 1e-6, p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, PairedComparison.McNemarExact(600, 600), 9);
    }

    [Fact]
    public void The_difference_counts_only_the_appeals_where_the_two_disagree_and_its_interval_holds_it()
    {
        // 100 appeals: 60 both right, 15 only A, 5 only B, 20 both wrong → A − B = +0.10.
        var outcomes = Enumerable.Repeat((true, true), 60).Concat(Enumerable.Repeat((true, false), 15))
            .Concat(Enumerable.Repeat((false, true), 5)).Concat(Enumerable.Repeat((false, false), 20)).ToList();

        var p = PairedComparison.Of(outcomes);

        Assert.Equal((100, 15, 5), (p.Count, p.OnlyA, p.OnlyB));
        Assert.Equal(0.10, p.Difference, 9);
        Assert.True(p.Low < 0.10 && p.High > 0.10 && p.Low > 0 && p.High < 0.25, $"[{p.Low}, {p.High}]");
        Assert.Equal(PairedComparison.McNemarExact(15, 5), p.PValue, 12);
    }

    [Fact]
    public void Identical_classifiers_differ_by_nothing()
    {
        var p = PairedComparison.Of(Enumerable.Range(0, 50).Select(i => (i % 3 == 0, i % 3 == 0)).ToList());

        Assert.Equal((0, 0, 0.0, 1.0), (p.OnlyA, p.OnlyB, p.Difference, p.PValue));
        Assert.Equal((0.0, 0.0), (p.Low, p.High));
    }
}
