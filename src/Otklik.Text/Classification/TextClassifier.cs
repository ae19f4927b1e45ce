using Otklik.Text.Analysis;
using Otklik.Text.Features;

namespace Otklik.Text.Classification;

/// <summary>
/// Classifies Russian appeal texts by topic, topic group and executor (the responsible body), with calibrated
/// probabilities. Create one with <see cref="Train"/> or <see cref="Load"/>; <see cref="Predict"/> is thread-safe.
/// </summary>
public sealed partial class TextClassifier
{
    /// <summary>Head names, as used in metrics, JSON and the bundle.</summary>
    public const string TopicHead = "topic";

    /// <inheritdoc cref="TopicHead"/>
    public const string GroupHead = "group";

    /// <inheritdoc cref="TopicHead"/>
    public const string ExecutorHead = "executor";

    private const int TopK = 3;
    private const int ExplainedWords = 5;

    private readonly FeatureVectorizer _vectorizer;
    private readonly LinearHead _topic;
    private readonly LinearHead _executor;
    private readonly LinearHead? _group;
    private readonly ThreadLocal<VectorScratch> _scratch;

    private TextClassifier(FeatureVectorizer vectorizer, LinearHead topic, LinearHead executor, LinearHead? group, ModelInfo info)
    {
        _vectorizer = vectorizer;
        _topic = topic;
        _executor = executor;
        _group = group;
        Info = info;
        OperatorThreshold = info.OperatorThreshold;
        _scratch = new ThreadLocal<VectorScratch>(vectorizer.NewScratch);
    }

    /// <summary>Version, data hash, settings and training metrics of this model.</summary>
    public ModelInfo Info { get; }

    /// <summary>The model version string stored with every prediction.</summary>
    public string ModelVersion => Info.ModelVersion;

    /// <summary>Below this best-label probability a head needs an operator. Defaults to the value the model was trained with.</summary>
    public double OperatorThreshold { get; set; }

    /// <summary>True when the model has a topic-group head (its training data had the group column).</summary>
    public bool HasGroup => _group is not null;

    /// <summary>
    /// Top-3 labels with probabilities for each head. With <paramref name="explain"/> each head also lists the words
    /// that pushed its best label most (slower: for display, not for bulk classification).
    /// </summary>
    public Prediction Predict(string text, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = _scratch.Value!;
        _vectorizer.Vectorize(text, scratch);
        var words = explain ? ResolveWords(text) : null;
        return new Prediction(
            ModelVersion,
            PredictHead(_topic, scratch, words),
            PredictHead(_executor, scratch, words),
            _group is null ? null : PredictHead(_group, scratch, words));
    }

    /// <summary>For the benchmark's diagnostics.</summary>
    internal (FeatureVectorizer Vectorizer, LinearHead[] Heads) Internals() =>
        (_vectorizer, _group is null ? [_topic, _executor] : [_topic, _group, _executor]);

    private HeadPrediction PredictHead(LinearHead head, VectorScratch scratch, List<(string Word, TokenColumns Columns)>? words)
    {
        Span<float> scores = stackalloc float[head.LabelCount];
        Span<double> probabilities = stackalloc double[head.LabelCount];
        head.Score(scratch, scores);
        Softmax.Apply(scores, head.Temperature, probabilities);
        var top = TopLabels(head, probabilities);
        var explained = words is null ? [] : Explain(head, Array.IndexOf(head.Labels, top[0].Label), scratch, words);
        return new HeadPrediction(head.Name, top, top[0].Probability < OperatorThreshold, explained);
    }

    private static LabelProbability[] TopLabels(LinearHead head, ReadOnlySpan<double> probabilities)
    {
        var count = Math.Min(TopK, probabilities.Length);
        Span<int> best = stackalloc int[count];
        best.Fill(-1);
        for (var k = 0; k < probabilities.Length; k++)
        {
            for (var slot = 0; slot < count; slot++)
            {
                if (best[slot] < 0 || probabilities[k] > probabilities[best[slot]])
                {
                    for (var move = count - 1; move > slot; move--)
                    {
                        best[move] = best[move - 1];
                    }

                    best[slot] = k;
                    break;
                }
            }
        }

        var top = new LabelProbability[count];
        for (var slot = 0; slot < count; slot++)
        {
            top[slot] = new LabelProbability(head.Labels[best[slot]], probabilities[best[slot]]);
        }

        return top;
    }

    private List<(string, TokenColumns)> ResolveWords(string text) =>
        Tokenizer.Words(TextNormalizer.Normalize(text)).Distinct(StringComparer.Ordinal)
            .Select(w => (w, _vectorizer.Resolve(w))).ToList();

    private static List<WeightedWord> Explain(LinearHead head, int label, VectorScratch scratch, List<(string Word, TokenColumns Columns)> words)
    {
        var values = scratch.Values;
        return words.Select(w =>
            {
                var sum = 0.0;
                if (w.Columns.StemColumn >= 0)
                {
                    sum += values[w.Columns.StemColumn] * head.Weight(w.Columns.StemColumn, label);
                }

                foreach (var column in w.Columns.CharColumns)
                {
                    sum += values[column] * head.Weight(column, label);
                }

                return new WeightedWord(w.Word, sum);
            })
            .Where(w => w.Weight > 0)
            .OrderByDescending(w => w.Weight)
            .Take(ExplainedWords)
            .ToList();
    }
}
