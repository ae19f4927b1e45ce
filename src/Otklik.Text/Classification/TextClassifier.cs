using System.Numerics;
using System.Runtime.InteropServices;
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
    private readonly LinearHead[] _heads;
    private readonly int[] _offsets;
    private readonly int _totalLabels;
    private readonly JointWeights _weights;
    private readonly ConfidenceMap?[] _maps;
    private readonly ThreadLocal<DocumentScratch> _scratch;
    private readonly TopicMix? _topicMix;

    private TextClassifier(FeatureVectorizer vectorizer, LinearHead topic, LinearHead executor, LinearHead? group, ModelInfo info)
    {
        _vectorizer = vectorizer;
        _topic = topic;
        _executor = executor;
        _group = group;
        _heads = group is null ? [topic, executor] : [topic, executor, group];
        _offsets = new int[_heads.Length];
        for (var h = 1; h < _heads.Length; h++)
        {
            _offsets[h] = _offsets[h - 1] + _heads[h - 1].LabelCount;
        }

        _totalLabels = _heads.Sum(h => h.LabelCount);
        _weights = new JointWeights(_heads, _offsets);
        _maps = _heads.Select(h => info.Heads.FirstOrDefault(i => i.Name == h.Name)?.Confidence).ToArray();
        _topicMix = info.Heads.FirstOrDefault(i => i.Name == ExecutorHead)?.TopicMix;
        Info = info;
        OperatorThreshold = info.OperatorThreshold;
        _scratch = new ThreadLocal<DocumentScratch>(vectorizer.NewScratch);
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
    /// that pushed its best label most.
    /// </summary>
    public Prediction Predict(string text, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = _scratch.Value!;
        _vectorizer.Analyze(text, document);
        var scale = _vectorizer.Weigh(document);
        Span<float> scores = stackalloc float[_totalLabels];
        scores.Clear();
        for (var i = 0; i < document.Words.Count; i++)
        {
            AddScaled(scores, Projection(document.Words[i]), FeatureVectorizer.CountWeight(document.Counts[i]));
        }

        _weights.AddColumns(CollectionsMarshal.AsSpan(document.PairColumns), CollectionsMarshal.AsSpan(document.PairValues), scores);

        var results = new HeadPrediction[_heads.Length];
        Span<double> allProbabilities = stackalloc double[_totalLabels];
        Span<double> topicSoftmax = stackalloc double[_topicMix is null ? 0 : _topic.LabelCount];
        for (var h = 0; h < _heads.Length; h++)
        {
            // Heads in order topic, executor, group: the topic's probabilities are known when the executor needs them.
            var head = _heads[h];
            var own = scores.Slice(_offsets[h], head.LabelCount);
            for (var k = 0; k < own.Length; k++)
            {
                own[k] = (own[k] * scale) + head.Bias[k];
            }

            if (_topicMix is not null && head == _executor)
            {
                _topicMix.Add(topicSoftmax, own);
            }

            var probabilities = allProbabilities.Slice(_offsets[h], head.LabelCount);
            Softmax.Apply(own, head.Temperature, probabilities);
            if (_topicMix is not null && head == _topic)
            {
                // Before the confidence map: the mix was fitted on softmax probabilities.
                probabilities.CopyTo(topicSoftmax);
            }

            _maps[h]?.Calibrate(probabilities);
            var top = TopLabels(head, probabilities);
            var words = explain ? Explain(document, scale, _offsets[h] + Array.IndexOf(head.Labels, top[0].Label)) : [];
            results[h] = new HeadPrediction(head.Name, top, top[0].Probability < OperatorThreshold, words);
        }

        return new Prediction(ModelVersion, results[0], results[1], _group is null ? null : results[2]);
    }

    /// <summary>For the benchmark's diagnostics.</summary>
    internal (FeatureVectorizer Vectorizer, LinearHead[] Heads) Internals() => (_vectorizer, _heads);

    /// <summary>A word's contribution to all label scores (all heads side by side), computed once per word.</summary>
    private float[] Projection(TokenColumns word)
    {
        if (word.Projection is { } known)
        {
            return known;
        }

        var projection = new float[_totalLabels];
        var charWeight = _vectorizer.Settings.CharBlockWeight;
        if (word.StemColumn >= 0)
        {
            _weights.AddColumn(word.StemColumn, word.StemIdf, projection);
        }

        Span<float> values = word.CharValues.Length <= 256 ? stackalloc float[word.CharValues.Length] : new float[word.CharValues.Length];
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = charWeight * word.CharValues[j];
        }

        _weights.AddColumns(word.CharColumns, values, projection);

        word.Projection = projection;
        return projection;
    }

    private List<WeightedWord> Explain(DocumentScratch document, float scale, int label)
    {
        var words = new List<WeightedWord>();
        for (var i = 0; i < document.Words.Count; i++)
        {
            var word = document.Words[i];
            var weight = (1f + MathF.Log(document.Counts[i])) * scale * Projection(word)[label];
            if (weight > 0)
            {
                words.Add(new WeightedWord(word.Word, weight));
            }
        }

        return words.OrderByDescending(w => w.Weight).Take(ExplainedWords).ToList();
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

    private static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var factor = new Vector<float>(scale);
            for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(target[i..]) + (new Vector<float>(source[i..]) * factor)).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i] * scale;
        }
    }
}
