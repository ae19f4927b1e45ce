using Otklik.Ratings.Engine;
using Otklik.Ratings.Input;
using Otklik.Ratings.Method;
using static Otklik.Tests.Ratings.RatingsFixture;

namespace Otklik.Tests.Ratings;

/// <summary>Seeded random worlds: improving one body's indicator never lowers its score.</summary>
public class RatingsPropertyTests
{
    private static readonly Methodology WithEverything = Method(
        IndicatorCatalog.CaseIndicators.Select(id => Indicator(id, minN: 3, standardize: true)).ToList(),
        IndicatorCatalog.CaseIndicators.ToDictionary(id => id, id => 1.0 + id.Length % 3),
        shrinkage: true);

    private static List<CaseFact> World(Random random)
    {
        var facts = new List<CaseFact>();
        var topics = new[] { "roads", "snow", "light" };
        for (var i = 0; i < 300; i++)
        {
            var body = "B" + random.Next(6);
            var created = At(1, 2).AddHours(i * 6);
            double? reply = random.NextDouble() < 0.9 ? Math.Exp(random.NextDouble() * 5) : null;
            facts.Add(Case(
                body, created, reply, topic: topics[random.Next(topics.Length)], place: "p" + random.Next(40),
                fullAnswerHours: reply is { } r && random.NextDouble() < 0.8 ? r + random.NextDouble() * 300 : null,
                firstDueHours: 24, reopened: random.NextDouble() < 0.1, reassigned: random.NextDouble() < 0.1));
        }

        return facts;
    }

    private static double? ScoreOf(IEnumerable<CaseFact> facts, string body)
    {
        var engine = new RatingsEngine(WithEverything, [Q1]);
        foreach (var fact in facts)
        {
            engine.Add(fact);
        }

        return engine.Compute().AllEntities.Single(e => e.Id == body).Score;
    }

    [Fact]
    public void Replying_sooner_to_one_case_never_lowers_the_bodys_score()
    {
        for (var seed = 1; seed <= 25; seed++)
        {
            var random = new Random(seed);
            var facts = World(random);
            var replied = facts.Select((f, i) => (f, i)).Where(x => x.f.FirstReplyAt is not null).ToList();
            var (target, index) = replied[random.Next(replied.Count)];
            var before = ScoreOf(facts, target.BodyId);
            var sooner = target.CreatedAt + (target.FirstReplyAt!.Value - target.CreatedAt) * random.NextDouble();
            facts[index] = target with { FirstReplyAt = sooner };
            var after = ScoreOf(facts, target.BodyId);

            Assert.True(before is null || after >= before - 1e-9, $"seed {seed}: {target.BodyId} went from {before} to {after}");
        }
    }

    [Fact]
    public void Not_being_reopened_never_lowers_the_bodys_score()
    {
        for (var seed = 100; seed <= 120; seed++)
        {
            var random = new Random(seed);
            var facts = World(random);
            var reopened = facts.Select((f, i) => (f, i)).Where(x => x.f.Reopened).ToList();
            var (target, index) = reopened[random.Next(reopened.Count)];
            var before = ScoreOf(facts, target.BodyId);
            facts[index] = target with { Reopened = false };
            var after = ScoreOf(facts, target.BodyId);

            Assert.True(before is null || after >= before - 1e-9, $"seed {seed}: {target.BodyId} went from {before} to {after}");
        }
    }
}
