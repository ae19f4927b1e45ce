using Otklik.Ingest;
using Otklik.Text.Classification;
using Otklik.Text.Evaluation;

namespace Otklik.Text.Understanding;

/// <summary>
/// The router's executor metrics on labeled appeals (the model's topic and executor predictions, places, the table),
/// side by side with the text model's own executor head on the same appeals. The router's "probability" is its
/// confidence share (<see cref="Understanding.RouterConfidence"/>), so its calibration figures are not comparable.
/// </summary>
public static class RouterEvaluator
{
    /// <summary>Metric key of the routed executor in <c>otklik eval --json</c>'s "router" object.</summary>
    public const string ExecutorRouted = "executor_routed";

    public static TargetMetrics Evaluate(Understanding understanding, IEnumerable<LabeledAppeal> appeals, string? regionHint = "Курская")
    {
        ArgumentNullException.ThrowIfNull(understanding);
        ArgumentNullException.ThrowIfNull(appeals);
        var gold = new List<string>();
        var ranked = new List<IReadOnlyList<LabelProbability>>();
        foreach (var appeal in appeals)
        {
            var reading = understanding.Understand(appeal.Text, DateTimeOffset.UnixEpoch, null, regionHint);
            var total = reading.Route.Candidates.Sum(c => c.Score);
            var bodies = reading.Route.Candidates.Select(c => new LabelProbability(c.Body, total > 0 ? c.Score / total : 0)).ToList();
            gold.Add(appeal.Executor);
            ranked.Add(bodies.Count > 0 ? bodies : [new LabelProbability(string.Empty, 0)]);
        }

        return Metrics.Compute(gold, ranked);
    }
}
