using Otklik.Model;
using Otklik.Ratings.Engine;
using Otklik.Ratings.Input;
using Otklik.Ratings.Method;
using Otklik.Ratings.Results;
using static Otklik.Tests.Ratings.RatingsFixture;

namespace Otklik.Tests.Ratings;

/// <summary>
/// Four bodies and two pages in 2021-Q1 where every number is worked out by hand below (shrinkage and bootstrap off,
/// nearest-rank quantiles, percentile rank = (others worse + ½ others equal) / (eligible − 1) × 100).
/// </summary>
public class RatingsFixtureTests
{
    private static RatingsReport Compute()
    {
        var indicators = IndicatorCatalog.CaseIndicators.Select(id => Indicator(id, minN: id == IndicatorCatalog.FirstReplyMedian ? 2 : 1))
            .Concat([Indicator(IndicatorCatalog.PostsPerWeek), Indicator(IndicatorCatalog.CommentsAnsweredShare), Indicator(IndicatorCatalog.Upkeep),
                Indicator(IndicatorCatalog.EngagementPerView), Indicator(IndicatorCatalog.CommentAnswerMedian)])
            .ToList();
        var method = Method(
            indicators,
            new Dictionary<string, double> { [IndicatorCatalog.FirstReplyMedian] = 2, [IndicatorCatalog.FirstReplyOnTime] = 1, [IndicatorCatalog.ReopenedShare] = 1 },
            new Dictionary<string, double> { [IndicatorCatalog.PostsPerWeek] = 1, [IndicatorCatalog.CommentsAnsweredShare] = 1, [IndicatorCatalog.Upkeep] = 1 });
        var engine = new RatingsEngine(method, [Q1]);

        // Body A: three cases; first replies after 2 h, 4 h and 30 h (due in 24 h).
        engine.Add(Case("A", At(1, 10, 0), 2, place: "p1", fullAnswerHours: 2, resolvedHours: 48));
        engine.Add(Case("A", At(1, 10, 1), 4, place: "p2", fullAnswerHours: 100, resolvedHours: 200, reassigned: true));
        engine.Add(Case("A", At(1, 10, 2), 30, place: "p3", reopened: true, status: CaseStatus.InProgress));
        // Body B: replies after 1 h, 10 h, 20 h, and one never; b1 is the same problem at the same place as a1, 8 days after a1 was closed.
        engine.Add(Case("B", At(1, 20, 0), 1, place: "p1"));
        engine.Add(Case("B", At(1, 20, 1), 10));
        engine.Add(Case("B", At(1, 20, 2), 20));
        engine.Add(Case("B", At(1, 20, 3), null, status: CaseStatus.New));
        // Body C: replies after 48 h and 50 h, one reopened.
        engine.Add(Case("C", At(1, 25, 0), 48, reopened: true));
        engine.Add(Case("C", At(1, 25, 1), 50));
        // Body D: one case, reply after 3 h: too few for the median (minN 2).
        engine.Add(Case("D", At(2, 1, 0), 3));

        // Page P: all five upkeep checks, 9 posts (1,000 views, 10 likes each), 3 of 4 questions answered after 1, 2 and 5 h.
        engine.Add(new AccountFacts("P", "Page P", "official-page", "regional", true, true, true, true, true, 1000, null, null, false));
        // Page Q: two checks of five, 18 posts (500 views, 10 likes each), 2 questions, none answered.
        engine.Add(new AccountFacts("Q", "Page Q", "official-page", "regional", true, false, true, false, false, 1000, null, null, false));
        for (var i = 0; i < 18; i++)
        {
            var at = At(1, 4, 0).AddDays(i * 4);
            if (i < 9)
            {
                engine.Add(new ActivityEvent(ActivityKind.Post, "P", $"p{i}", at, 100, 1000, 10, 0, 0, true, null, null));
            }

            engine.Add(new ActivityEvent(ActivityKind.Post, "Q", $"q{i}", at.AddHours(1), 100, 500, 10, 0, 0, true, null, null));
        }

        engine.Add(new ActivityEvent(ActivityKind.Comment, "P", "c1", At(2, 1, 10), 50, 0, 0, 0, 0, true, "p0", true));
        engine.Add(new ActivityEvent(ActivityKind.Comment, "P", "c2", At(2, 1, 11), 50, 0, 0, 0, 0, true, "p0", true));
        engine.Add(new ActivityEvent(ActivityKind.Comment, "P", "c3", At(2, 1, 12), 50, 0, 0, 0, 0, true, "p0", true));
        engine.Add(new ActivityEvent(ActivityKind.Comment, "P", "c4", At(2, 1, 13), 50, 0, 0, 0, 0, true, "p0", null));
        engine.Add(new ActivityEvent(ActivityKind.Comment, "P", "c5", At(2, 1, 14), 50, 0, 0, 0, 0, true, "p0", false));
        engine.Add(new ActivityEvent(ActivityKind.Comment, "Q", "d1", At(2, 1, 14), 50, 0, 0, 0, 0, true, "q0", true));
        engine.Add(new ActivityEvent(ActivityKind.Reply, "P", "r1", At(2, 1, 11), 50, 0, 0, 0, 0, true, "c1", null));
        engine.Add(new ActivityEvent(ActivityKind.Comment, "Q", "d2", At(2, 1, 15), 50, 0, 0, 0, 0, true, "q0", true));
        engine.Add(new ActivityEvent(ActivityKind.Reply, "P", "r2", At(2, 1, 13), 50, 0, 0, 0, 0, true, "c2", null));
        engine.Add(new ActivityEvent(ActivityKind.Reply, "P", "r3", At(2, 1, 17), 50, 0, 0, 0, 0, true, "c3", null));
        return engine.Compute();
    }

    private static EntityRating Entity(RatingsReport report, string id) => report.AllEntities.Single(e => e.Id == id);

    private static double Raw(EntityRating entity, string indicator) => entity.Breakdown.Single(b => b.Id == indicator).Raw!.Value;

    [Fact]
    public void Every_case_indicator_of_body_A_is_the_hand_computed_value()
    {
        var a = Entity(Compute(), "A");

        Assert.Equal(3, a.Volume);
        Assert.Equal(4, Raw(a, IndicatorCatalog.FirstReplyMedian));       // sorted 2, 4, 30: ⌈0.5·3⌉ = 2nd
        Assert.Equal(30, Raw(a, IndicatorCatalog.FirstReplyP90));         // ⌈0.9·3⌉ = 3rd
        Assert.Equal(2, Raw(a, IndicatorCatalog.FullAnswerMedian));       // 2, 100: ⌈0.5·2⌉ = 1st
        Assert.Equal(48, Raw(a, IndicatorCatalog.ResolutionMedian));      // 48, 200: 1st
        Assert.Equal(2 / 3.0, Raw(a, IndicatorCatalog.AnsweredShare), 12);     // a1, a2 of 3
        Assert.Equal(2 / 3.0, Raw(a, IndicatorCatalog.FirstReplyOnTime), 12);  // 2 h, 4 h ≤ 24 h; 30 h late
        Assert.Equal(2 / 3.0, Raw(a, IndicatorCatalog.AnswerOnTime), 12);      // a3 unanswered past its 30 days: overdue, counted
        Assert.Equal(1 / 3.0, Raw(a, IndicatorCatalog.ReopenedShare), 12);
        Assert.Equal(1 / 3.0, Raw(a, IndicatorCatalog.ReassignedShare), 12);
        Assert.Equal(0, Raw(a, IndicatorCatalog.RepeatShare));
        // a3 is open and untouched since 11 Jan, more than 60 days before 1 May: 1 of 3 cases stale > 10%.
        Assert.NotNull(a.DataQuality);
    }

    [Fact]
    public void Overdue_open_cases_count_against_the_on_time_share_and_a_repeat_is_found()
    {
        var b = Entity(Compute(), "B");

        Assert.Equal(10, Raw(b, IndicatorCatalog.FirstReplyMedian));     // 1, 10, 20: 2nd
        Assert.Equal(0.75, Raw(b, IndicatorCatalog.FirstReplyOnTime));  // 3 on time / (3 + 1 overdue still open)
        Assert.Equal(0.25, Raw(b, IndicatorCatalog.RepeatShare));       // b1: roads at p1, 8 days after a1 closed
    }

    [Fact]
    public void Body_scores_and_ranks_are_the_hand_computed_ones()
    {
        var report = Compute();
        var a = Entity(report, "A");
        var b = Entity(report, "B");
        var c = Entity(report, "C");
        var d = Entity(report, "D");

        // Median (lower better; D has n = 1 < 2, not eligible): A 4, B 10, C 48 → PR 100, 50, 0.
        Assert.Equal(100, a.Breakdown.Single(x => x.Id == IndicatorCatalog.FirstReplyMedian).PercentileRank);
        Assert.False(d.Breakdown.Single(x => x.Id == IndicatorCatalog.FirstReplyMedian).Eligible);
        // On time (higher better): D 1, B 0.75, A 0.667, C 0 → PR 100, 66.67, 33.33, 0.
        // Reopened (lower better): B 0, D 0, A 0.333, C 0.5 → B and D: (2 worse + ½·1 equal) / 3 = 83.33; A 33.33; C 0.
        // A = (2·100 + 1·33.33 + 1·33.33) / 4 = 66.67
        Assert.Equal(66.6667, a.Score!.Value, 3);
        // B = (2·50 + 1·66.67 + 1·83.33) / 4 = 62.5
        Assert.Equal(62.5, b.Score!.Value, 3);
        // C = (2·0 + 0 + 0) / 4 = 0
        Assert.Equal(0, c.Score!.Value, 3);
        // D: the median's weight goes to the others: (1·100 + 1·83.33) / 2 = 91.67
        Assert.Equal(91.6667, d.Score!.Value, 3);
        Assert.Equal(0.5, d.Breakdown.Single(x => x.Id == IndicatorCatalog.FirstReplyOnTime).Weight);

        Assert.Equal([1, 2, 3, 4], new[] { d.Rank!.Value, a.Rank!.Value, b.Rank!.Value, c.Rank!.Value });
        Assert.Equal("D", report.Nominations.Single().WinnerId);
    }

    [Fact]
    public void Page_indicators_scores_and_ranks_are_the_hand_computed_ones()
    {
        var report = Compute();
        var p = Entity(report, "P");
        var q = Entity(report, "Q");

        // 90 days in the quarter = 12.857 weeks: 9 / 12.857 = 0.7 and 18 / 12.857 = 1.4 posts a week.
        Assert.Equal(0.7, Raw(p, IndicatorCatalog.PostsPerWeek), 9);
        Assert.Equal(1.4, Raw(q, IndicatorCatalog.PostsPerWeek), 9);
        // c1..c4 are questions (c4 unmarked counts, c5 marked not a question does not); c1..c3 answered after 1, 2, 5 h.
        Assert.Equal(0.75, Raw(p, IndicatorCatalog.CommentsAnsweredShare));
        Assert.Equal(2, Raw(p, IndicatorCatalog.CommentAnswerMedian), 9);
        Assert.Equal(0, Raw(q, IndicatorCatalog.CommentsAnsweredShare));
        Assert.Equal(1.0, Raw(p, IndicatorCatalog.Upkeep));
        Assert.Equal(0.4, Raw(q, IndicatorCatalog.Upkeep));
        // 10 reactions per 1,000 views, and per 500.
        Assert.Equal(0.01, Raw(p, IndicatorCatalog.EngagementPerView), 12);
        Assert.Equal(0.02, Raw(q, IndicatorCatalog.EngagementPerView), 12);

        // Two pages: the better gets 100, the other 0. P = (0 + 100 + 100) / 3, Q = (100 + 0 + 0) / 3.
        Assert.Equal(66.6667, p.Score!.Value, 3);
        Assert.Equal(33.3333, q.Score!.Value, 3);
        Assert.Equal(1, p.Rank);
        Assert.Equal(2, q.Rank);
    }

    [Fact]
    public void Every_score_is_the_sum_of_its_breakdown_contributions()
    {
        foreach (var entity in Compute().AllEntities.Where(e => e.Score is not null))
        {
            Assert.Equal(entity.Score!.Value, entity.Breakdown.Sum(b => b.Contribution), 9);
        }
    }
}
