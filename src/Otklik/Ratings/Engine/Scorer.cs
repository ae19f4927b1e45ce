using Otklik.Ratings.Method;
using Otklik.Ratings.Results;

namespace Otklik.Ratings.Engine;

/// <summary>
/// Turns one category's candidates into scores and ranks: percentile ranks per indicator, empirical-Bayes
/// reliability, weighted mean, then a seeded bootstrap for intervals and statistical ties.
/// </summary>
/// <remarks>
/// Reliability is estimated leave-one-out (the between-entity variance and the pooled noise from the others), and it is
/// applied in the percentile scale (50 + w·(PR − 50)), so an entity's own value never changes its own weight and
/// an improvement can never lower its score: the property test checks exactly this.
/// </remarks>
internal sealed partial class Scorer(Methodology method, CategoryDefinition category)
{
    private readonly List<(IndicatorDefinition Definition, double Weight)> _indicators = method.Indicators
        .Where(i => category.Weights.ContainsKey(i.Id) || IsShownFor(i.Id, category.Entity))
        .Select(i => (i, category.Weights.TryGetValue(i.Id, out var w) ? w : 0))
        .ToList();

    public CategoryRatings Score(IReadOnlyList<Candidate> unordered)
    {
        var candidates = unordered.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var n = candidates.Count;
        var k = _indicators.Count;
        var eligible = new bool[k, n];
        var adjusted = new double[k, n];
        var reliability = new double[k, n];
        var normalized = new double[k, n];
        var percentile = new double[k, n];

        for (var ind = 0; ind < k; ind++)
        {
            var (definition, _) = _indicators[ind];
            for (var e = 0; e < n; e++)
            {
                var estimate = candidates[e].Estimates.GetValueOrDefault(definition.Id);
                eligible[ind, e] = estimate is not null && !double.IsNaN(estimate.Value) && estimate.N >= definition.MinN;
                adjusted[ind, e] = estimate is null ? double.NaN : Candidate.Adjust(estimate.Value, candidates[e].Factor(definition.Id));
            }

            Reliabilities(ind, candidates, eligible, reliability);
            PercentileRanks(ind, definition.Direction, eligible, adjusted, percentile);
            for (var e = 0; e < n; e++)
            {
                normalized[ind, e] = 50 + reliability[ind, e] * (percentile[ind, e] - 50);
            }
        }

        var totalWeight = _indicators.Sum(i => i.Weight);
        var scores = new double?[n];
        var available = new double[n];
        for (var e = 0; e < n; e++)
        {
            available[e] = Enumerable.Range(0, k).Where(ind => eligible[ind, e]).Sum(ind => _indicators[ind].Weight);
            if (totalWeight > 0 && available[e] > 0 && available[e] / totalWeight >= method.MinWeightShare - 1e-12)
            {
                scores[e] = Enumerable.Range(0, k).Where(ind => eligible[ind, e]).Sum(ind => _indicators[ind].Weight * normalized[ind, e]) / available[e];
            }
        }

        var rated = Enumerable.Range(0, n).Where(e => scores[e] is not null)
            .OrderByDescending(e => scores[e]!.Value).ThenBy(e => candidates[e].Id, StringComparer.Ordinal).ToArray();
        var ranks = CompetitionRanks(rated.Select(e => scores[e]!.Value).ToArray());
        var boot = Bootstrap(candidates, rated, eligible, adjusted, reliability, available);

        var entities = new List<EntityRating>(n);
        for (var position = 0; position < rated.Length; position++)
        {
            var e = rated[position];
            entities.Add(Build(candidates[e], e, scores[e], ranks[position], boot?.For(position), null, eligible, adjusted, percentile, reliability, normalized, available[e]));
        }

        foreach (var e in Enumerable.Range(0, n).Where(e => scores[e] is null))
        {
            var reason = totalWeight <= 0
                ? "the category weighs no indicator"
                : $"not enough data: indicators with {available[e] / totalWeight:P0} of the weight have their minimum sample, {method.MinWeightShare:P0} needed";
            entities.Add(Build(candidates[e], e, null, null, null, reason, eligible, adjusted, percentile, reliability, normalized, available[e]));
        }

        return new CategoryRatings(category.Id, category.Title, category.Entity, entities);
    }

    private static bool IsShownFor(string indicator, string entity) =>
        IndicatorCatalog.IsActivity(indicator) == (entity == "account");

    private EntityRating Build(
        Candidate c, int e, double? score, int? rank, BootstrapResult.Interval? interval, string? reason,
        bool[,] eligible, double[,] adjusted, double[,] percentile, double[,] reliability, double[,] normalized, double available)
    {
        var breakdown = new List<IndicatorResult>(_indicators.Count);
        for (var ind = 0; ind < _indicators.Count; ind++)
        {
            var (definition, weight) = _indicators[ind];
            var estimate = c.Estimates.GetValueOrDefault(definition.Id);
            var ok = eligible[ind, e];
            breakdown.Add(new IndicatorResult(
                definition.Id,
                estimate is null || double.IsNaN(estimate.Value) ? null : estimate.Value,
                estimate?.N ?? 0,
                c.Factor(definition.Id),
                estimate is null || double.IsNaN(adjusted[ind, e]) ? null : adjusted[ind, e],
                ok,
                ok ? percentile[ind, e] : null,
                ok ? reliability[ind, e] : null,
                ok ? normalized[ind, e] : null,
                ok && available > 0 ? weight / available : 0));
        }

        return new EntityRating(
            c.Kind, c.Id, c.Name, c.Category, c.Level, c.Simulated, c.Volume, c.Capped,
            score, interval?.ScoreLow, interval?.ScoreHigh, rank, interval?.RankLow, interval?.RankHigh,
            interval?.TiedFrom ?? rank, interval?.TiedTo ?? rank, reason, c.DataQuality, breakdown);
    }

    /// <summary>1, 2, 2, 4: equal scores share the better rank.</summary>
    internal static int[] CompetitionRanks(double[] descendingScores)
    {
        var ranks = new int[descendingScores.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = i > 0 && descendingScores[i] == descendingScores[i - 1] ? ranks[i - 1] : i + 1;
        }

        return ranks;
    }
}
