using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Otklik.Ingest;
using Otklik.Text.Evaluation;
using Otklik.Text.Features;

namespace Otklik.Text.Classification;

public sealed partial class TextClassifier
{
    /// <summary>The bundle format this code writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>
    /// Trains the topic and executor heads on every appeal, and the group head on those that have a group. Each head's
    /// probabilities are calibrated on out-of-fold scores (<see cref="TrainingOptions.CalibrationFolds"/>), which also
    /// give the training metrics stored in the bundle.
    /// </summary>
    public static TextClassifier Train(IEnumerable<LabeledAppeal> appeals, TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(appeals);
        options ??= new TrainingOptions();
        var data = appeals.ToList();
        if (data.Count < 2)
        {
            throw new ArgumentException($"training needs at least 2 labeled appeals, got {data.Count}", nameof(appeals));
        }

        var clock = Stopwatch.StartNew();
        var texts = data.Select(a => a.Text).ToList();
        var vectorizer = FeatureVectorizer.Fit(texts, options.Features);
        var document = vectorizer.NewScratch();
        var values = new VectorScratch(vectorizer.Vocabulary.Count);
        var rows = texts.Select(t => vectorizer.Row(t, document, values)).ToList();

        var topicLabels = data.Select(a => (string?)a.Topic).ToList();
        var (topic, topicInfo, topicOutOfFold) = TrainHead(TopicHead, rows, topicLabels, vectorizer.Vocabulary.Count, options,
            options.ClassWeightPower, options.TopicRareClassShift, mixer: null);
        var executorOptions = options with { C = options.ExecutorC ?? options.C };
        var mixer = options.ExecutorTopicMix && topicOutOfFold is not null
            ? TopicMixer(rows, topicLabels, topic, topicOutOfFold)
            : null;
        var (executor, executorInfo, _) = TrainHead(ExecutorHead, rows, data.Select(a => (string?)a.Executor).ToList(), vectorizer.Vocabulary.Count,
            executorOptions, options.ExecutorClassWeightPower ?? options.ClassWeightPower, options.ExecutorRareClassShift, mixer);
        LinearHead? group = null;
        HeadInfo? groupInfo = null;
        if (data.Any(a => a.Group is not null))
        {
            (group, groupInfo, _) = TrainHead(GroupHead, rows, data.Select(a => a.Group).ToList(), vectorizer.Vocabulary.Count, options,
                options.ClassWeightPower, rareClassShift: false, mixer: null);
        }

        var dataHash = DataHash(data);
        var heads = groupInfo is null ? new[] { topicInfo, executorInfo } : [topicInfo, groupInfo, executorInfo];
        var info = new ModelInfo(FormatVersion, Version(dataHash, options), dataHash, data.Count, options.Features, options.C,
            options.ClassWeightPower, options.CalibrationFolds, options.OperatorThreshold, clock.Elapsed.TotalSeconds, heads)
        {
            ExecutorC = options.ExecutorC,
            ExecutorClassWeightPower = options.ExecutorClassWeightPower,
        };
        return new TextClassifier(vectorizer, topic, executor, group, info);
    }

    /// <summary>
    /// Fits a <see cref="TopicMix"/> for the executor head on its out-of-fold scores: arguments are the indices (into all
    /// appeals) of the executor's appeals, their out-of-fold scores (changed in place) and executor label indices.
    /// </summary>
    private delegate TopicMix Mixer(IReadOnlyList<int> appeals, float[][] outOfFold, int[] executor);

    /// <summary>
    /// The topic probabilities of every appeal as the topic head gives them without having seen it: out-of-fold for the
    /// appeals with a topic, the final topic model's for those without (it was not trained on them).
    /// </summary>
    private static Mixer TopicMixer(List<SparseRow> rows, List<string?> topicLabels, LinearHead topic, float[]?[] topicOutOfFold)
    {
        var indexOf = topic.Labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        return (appeals, outOfFold, executor) =>
        {
            var probabilities = new List<double[]>(appeals.Count);
            var topicOf = new int[appeals.Count];
            var scores = new float[topic.LabelCount];
            for (var j = 0; j < appeals.Count; j++)
            {
                var i = appeals[j];
                var p = new double[topic.LabelCount];
                if (topicOutOfFold[i] is { } known)
                {
                    Softmax.Apply(known, topic.Temperature, p);
                }
                else
                {
                    topic.Score(rows[i], scores);
                    Softmax.Apply(scores, topic.Temperature, p);
                }

                probabilities.Add(p);
                topicOf[j] = topicLabels[i] is { } label ? indexOf[label] : -1;
            }

            return TopicMix.Fit(probabilities, topicOf, executor, outOfFold, topic.LabelCount);
        };
    }

    private static (LinearHead Head, HeadInfo Info, float[]?[]? OutOfFold) TrainHead(string name, List<SparseRow> allRows, List<string?> allLabels,
        int columns, TrainingOptions options, double classWeightPower, bool rareClassShift, Mixer? mixer)
    {
        var keep = Enumerable.Range(0, allRows.Count).Where(i => allLabels[i] is not null).ToList();
        var rows = keep.Select(i => allRows[i]).ToList();
        var names = keep.Select(i => allLabels[i]!).ToList();
        var labels = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var indexOf = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var y = names.Select(n => indexOf[n]).ToArray();
        var sizes = new int[labels.Length];
        foreach (var k in y)
        {
            sizes[k]++;
        }

        var largest = sizes.Max();
        Func<int, double> positiveWeight = k => Math.Pow((double)largest / sizes[k], classWeightPower);

        var temperature = 1f;
        ConfidenceMap? map = null;
        TargetMetrics? metrics = null;
        float[]? shift = null;
        var alpha = 0f;
        TopicMix? mix = null;
        float[]?[]? outOfFoldOfAll = null;
        if (options.CalibrationFolds >= 2 && rows.Count >= options.CalibrationFolds)
        {
            var outOfFold = OutOfFoldScores(rows, y, labels.Length, columns, options, positiveWeight);
            outOfFoldOfAll = new float[]?[allRows.Count];
            for (var j = 0; j < keep.Count; j++)
            {
                // A copy: the mix and the shift below change the head's own scores in place.
                outOfFoldOfAll[keep[j]] = (float[])outOfFold[j].Clone();
            }

            if (mixer is not null)
            {
                mix = mixer(keep, outOfFold, y);
            }

            if (rareClassShift)
            {
                (alpha, shift) = RareClassShift.Fit(outOfFold, y, sizes, options.RareClassShiftTolerance, options.RareClassShiftTop3Tolerance);
                RareClassShift.Apply(outOfFold, shift);
            }

            temperature = TemperatureScaling.Fit(outOfFold, y);
            if (options.ConfidenceMap)
            {
                var softmax = outOfFold.Select(s => Rank(labels, s, temperature, null)[0]).ToList();
                map = ConfidenceMap.Fit(softmax.Select(p => p.Probability).ToList(),
                    softmax.Select((p, i) => string.Equals(p.Label, names[i], StringComparison.Ordinal)).ToList());
            }

            // With a confidence map these metrics are in-sample for the map (fitted on the same predictions): its ECE
            // is optimistic. bench/text reports calibration on test folds the model never saw.
            var ranked = outOfFold.Select(s => Rank(labels, s, temperature, map)).ToList();
            metrics = Metrics.Compute(names, ranked);
        }

        var weights = LinearSvmTrainer.Train(rows, y, labels.Length, columns, options.C, positiveWeight, options.Seed, options.MaxDegreeOfParallelism);
        if (shift is not null)
        {
            for (var k = 0; k < labels.Length; k++)
            {
                weights[k][columns] += shift[k];
            }
        }

        return (LinearHead.FromClassMajor(name, labels, weights, columns, temperature, (float)options.PruneBelow),
            new HeadInfo(name, labels, temperature, metrics) { Confidence = map, RareClassShift = shift is null ? null : alpha, TopicMix = mix },
            outOfFoldOfAll);
    }

    private static float[][] OutOfFoldScores(List<SparseRow> rows, int[] y, int classCount, int columns, TrainingOptions options, Func<int, double> positiveWeight)
    {
        var folds = options.CalibrationFolds;
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var foldOf = new int[rows.Count];
        for (var p = 0; p < order.Length; p++)
        {
            foldOf[order[p]] = p % folds;
        }

        // C weighs the sum of the examples' losses, so a fold model on (folds-1)/folds of the data is regularized more
        // than the final model and gives smaller scores; a temperature fitted on them then makes the final model
        // overconfident (29 Nov: ECE 0.19 topic, 0.21 executor). Scaling C keeps C × examples the same.
        var c = options.ScaleCalibrationC ? options.C * folds / (folds - 1) : options.C;
        var scores = new float[rows.Count][];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = Enumerable.Range(0, rows.Count).Where(i => foldOf[i] != fold).ToList();
            var weights = LinearSvmTrainer.Train(train.Select(i => rows[i]).ToList(), train.Select(i => y[i]).ToArray(), classCount, columns,
                c, positiveWeight, options.Seed + fold + 1, options.MaxDegreeOfParallelism);
            for (var i = 0; i < rows.Count; i++)
            {
                if (foldOf[i] == fold)
                {
                    scores[i] = new float[classCount];
                    LinearHead.Score(weights, rows[i], columns, scores[i]);
                }
            }
        }

        return scores;
    }

    private static LabelProbability[] Rank(string[] labels, float[] scores, float temperature, ConfidenceMap? map)
    {
        var probabilities = new double[scores.Length];
        Softmax.Apply(scores, temperature, probabilities);
        map?.Calibrate(probabilities);
        return Enumerable.Range(0, labels.Length).OrderByDescending(k => probabilities[k]).Take(TopK)
            .Select(k => new LabelProbability(labels[k], probabilities[k])).ToArray();
    }

    private static string DataHash(List<LabeledAppeal> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var a in data)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{a.Id}\u001f{a.Text}\u001f{a.Topic}\u001f{a.Executor}\u001f{a.Group}\u001e"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Version(string dataHash, TrainingOptions options)
    {
        var settings = JsonSerializer.Serialize(new
        {
            options.Features, options.C, options.ClassWeightPower, options.ExecutorC, options.ExecutorClassWeightPower, options.CalibrationFolds,
            options.ScaleCalibrationC, options.ConfidenceMap, options.PruneBelow, options.Seed, options.ExecutorRareClassShift,
            options.TopicRareClassShift, options.RareClassShiftTolerance, options.RareClassShiftTop3Tolerance,
            options.ExecutorTopicMix,
        });
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(dataHash + settings));
        return $"text-v{FormatVersion}-{Convert.ToHexStringLower(digest)[..12]}";
    }
}
