using Otklik.Ingest;
using Otklik.Text.Classification;

namespace Otklik.Text.Evaluation;

/// <summary>Scores a model on labeled appeals it has not seen: metrics per head, keyed by head name.</summary>
public static class Evaluator
{
    /// <summary>
    /// Metrics for topic and executor, and for group when the model has a group head and the appeals carry groups
    /// (only the appeals with a group count for it). A head with no labeled appeals is left out.
    /// </summary>
    public static IReadOnlyDictionary<string, TargetMetrics> Evaluate(TextClassifier model, IEnumerable<LabeledAppeal> appeals)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(appeals);
        var gold = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var ranked = new Dictionary<string, List<IReadOnlyList<LabelProbability>>>(StringComparer.Ordinal);
        void Add(string head, string label, HeadPrediction prediction)
        {
            if (!gold.TryGetValue(head, out var labels))
            {
                gold[head] = labels = [];
                ranked[head] = [];
            }

            labels.Add(label);
            ranked[head].Add(prediction.Top);
        }

        foreach (var appeal in appeals)
        {
            var prediction = model.Predict(appeal.Text);
            Add(TextClassifier.TopicHead, appeal.Topic, prediction.Topic);
            if (appeal.Group is not null && prediction.Group is not null)
            {
                Add(TextClassifier.GroupHead, appeal.Group, prediction.Group);
            }

            Add(TextClassifier.ExecutorHead, appeal.Executor, prediction.Executor);
        }

        return gold.ToDictionary(p => p.Key, p => Metrics.Compute(p.Value, ranked[p.Key]), StringComparer.Ordinal);
    }
}
