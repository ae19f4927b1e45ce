using Otklik.Ratings.Engine;
using Otklik.Ratings.Input;
using Otklik.Ratings.Method;
using Otklik.Ratings.Results;
using static Otklik.Tests.Ratings.RatingsFixture;

namespace Otklik.Tests.Ratings;

public class ShrinkageAndBootstrapTests
{
    private static Methodology OnTimeOnly(bool shrinkage, int replicates = 0) => Method(
        [Indicator(IndicatorCatalog.FirstReplyOnTime)],
        new Dictionary<string, double> { [IndicatorCatalog.FirstReplyOnTime] = 1 },
        shrinkage: shrinkage, replicates: replicates);

    /// <summary>Bodies with (cases, on time): a tiny perfect one, a big near-perfect one, and a spread of others.</summary>
    private static RatingsReport Rate(Methodology method, params (string Body, int Cases, int OnTime)[] bodies)
    {
        var engine = new RatingsEngine(method, [Q1]);
        var hour = 0;
        foreach (var (body, cases, onTime) in bodies)
        {
            for (var i = 0; i < cases; i++)
            {
                engine.Add(Case(body, At(1, 5).AddHours(hour++ * 0.1), i < onTime ? 2 : 48));
            }
        }

        return engine.Compute();
    }

    private static readonly (string, int, int)[] World =
    [
        ("tiny", 3, 3), ("big", 400, 380), ("m1", 100, 50), ("m2", 100, 60), ("m3", 100, 70), ("m4", 100, 80),
    ];

    [Fact]
    public void Without_shrinkage_three_lucky_cases_beat_four_hundred_good_ones()
    {
        var report = Rate(OnTimeOnly(shrinkage: false), World);

        Assert.Equal(1, report.AllEntities.Single(e => e.Id == "tiny").Rank);
    }

    [Fact]
    public void With_shrinkage_a_small_sample_is_pulled_to_the_middle_and_does_not_win_by_luck()
    {
        var report = Rate(OnTimeOnly(shrinkage: true), World);
        var tiny = report.AllEntities.Single(e => e.Id == "tiny");
        var big = report.AllEntities.Single(e => e.Id == "big");

        Assert.Equal(1, big.Rank);
        var tinyLine = tiny.Breakdown.Single();
        var bigLine = big.Breakdown.Single();
        Assert.Equal(100, tinyLine.PercentileRank);
        Assert.True(tinyLine.Reliability < bigLine.Reliability);
        Assert.True(tinyLine.Normalized < bigLine.Normalized);
        Assert.InRange(tinyLine.Normalized!.Value, 50, 100);
    }

    [Fact]
    public void Bootstrap_intervals_are_reproducible_with_the_seed_and_contain_the_ranks()
    {
        var first = Rate(OnTimeOnly(shrinkage: true, replicates: 200), World);
        var second = Rate(OnTimeOnly(shrinkage: true, replicates: 200), World);

        Assert.Equal(
            first.AllEntities.Select(e => (e.ScoreLow, e.ScoreHigh, e.RankLow, e.RankHigh)),
            second.AllEntities.Select(e => (e.ScoreLow, e.ScoreHigh, e.RankLow, e.RankHigh)));
        foreach (var e in first.AllEntities)
        {
            Assert.True(e.RankLow <= e.RankHigh && e.ScoreLow <= e.ScoreHigh, e.Id);
        }
    }

    [Fact]
    public void Two_bodies_that_behave_alike_are_marked_tied_and_clearly_different_ones_are_not()
    {
        var report = Rate(OnTimeOnly(shrinkage: false, replicates: 200),
            ("twin1", 50, 40), ("twin2", 50, 39), ("good", 500, 490), ("bad", 500, 100));
        var twin1 = report.AllEntities.Single(e => e.Id == "twin1");
        var twin2 = report.AllEntities.Single(e => e.Id == "twin2");
        var good = report.AllEntities.Single(e => e.Id == "good");

        Assert.True(twin1.IsTied && twin2.IsTied);
        Assert.Equal(twin1.TiedFrom, twin2.TiedFrom);
        Assert.False(good.IsTied);
        Assert.Equal((1, 1), (good.RankLow, good.RankHigh));
    }

    [Fact]
    public void The_author_cap_leaves_a_prolific_authors_extra_cases_out_of_the_rates_but_in_the_volume()
    {
        var method = Method([Indicator(IndicatorCatalog.FirstReplyOnTime)],
            new Dictionary<string, double> { [IndicatorCatalog.FirstReplyOnTime] = 1 }, maxCasesPerAuthor: 2);
        var engine = new RatingsEngine(method, [Q1]);
        for (var i = 0; i < 10; i++)
        {
            // One resident files ten cases the body is late on; another files one it answers on time.
            engine.Add(Case("X", At(1, 5, i), 48, author: "u:loud"));
        }

        engine.Add(Case("X", At(1, 6), 1, author: "u:quiet"));
        var x = engine.Compute().AllEntities.Single(e => e.Id == "X");

        Assert.Equal(11, x.Volume);
        Assert.Equal(8, x.Capped);
        Assert.Equal(1 / 3.0, x.Breakdown.Single().Raw!.Value, 12);  // 1 on time of 2 + 1 counted
    }

    [Fact]
    public void Topic_mix_standardization_compares_each_body_with_others_on_the_same_topics()
    {
        var method = Method([Indicator(IndicatorCatalog.FirstReplyOnTime, standardize: true)],
            new Dictionary<string, double> { [IndicatorCatalog.FirstReplyOnTime] = 1 });
        var engine = new RatingsEngine(method, [Q1]);
        var hour = 0.0;
        foreach (var (body, topic, onTime) in new[] { ("H1", "hard", 5), ("H2", "hard", 4), ("E1", "easy", 9), ("E2", "easy", 10) })
        {
            for (var i = 0; i < 10; i++)
            {
                engine.Add(Case(body, At(1, 5).AddHours(hour += 0.1), i < onTime ? 2 : 48, topic: topic));
            }
        }

        var lines = engine.Compute().AllEntities.ToDictionary(e => e.Id, e => e.Breakdown.Single());

        // Everyone: 28 of 40 = 0.7. H1 is compared with H2 on "hard": expected 0.4, factor 0.7 / 0.4 = 1.75, adjusted 0.5 · 1.75 = 0.875.
        Assert.Equal(1.75, lines["H1"].TopicFactor, 9);
        Assert.Equal(0.875, lines["H1"].Adjusted!.Value, 9);
        // E2 is compared with E1 on "easy": 0.7 / 0.9, adjusted 1.0 · 0.7778 = 0.7778; E1: 0.7 / 1.0 → 0.63; H2: 0.7 / 0.5 → 0.56.
        Assert.Equal(0.7 / 0.9, lines["E2"].Adjusted!.Value, 9);
        Assert.Equal(0.63, lines["E1"].Adjusted!.Value, 9);
        Assert.Equal(0.56, lines["H2"].Adjusted!.Value, 9);
        Assert.Equal(100, lines["H1"].PercentileRank);
        Assert.Equal(0, lines["H2"].PercentileRank);
    }
}
