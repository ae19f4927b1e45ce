using System.Numerics;

namespace Otklik.Text.Classification;

/// <summary>
/// What the topic head knows about the executor: each executor's score gets Weight · ln Σ_t p(t | text) · P(executor | t),
/// with p(t | text) the topic head's probabilities (temperature, before the confidence map) and P(executor | t) counted
/// on the training appeals (smoothed towards the executors' overall shares). The topic labels are supervision the
/// executor head alone never sees: which body answers follows from the topic as much as from the words.
/// Weight is chosen on the calibration folds' out-of-fold scores (see <see cref="Fit"/>), never on test data.
/// </summary>
/// <param name="Weight">λ: 0 leaves the executor's scores as they are.</param>
/// <param name="Smoothing">Pseudo-count a of P(e | t) = (n(t, e) + a · P(e)) / (n(t) + a).</param>
/// <param name="Counts">n(t, e): per topic label of the topic head (in its order), per executor label (in the executor head's order).</param>
public sealed record TopicMix(float Weight, float Smoothing, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    /// <summary>The smoothing of a new fit. Fixed, not tuned: 2 pseudo-examples per topic.</summary>
    public const float DefaultSmoothing = 2f;

    // Topics whose probability is below this are left out of the sum: their share of it is negligible, and most of a
    // text's 160 topic probabilities are that small. Training and prediction skip the same ones.
    private const double Negligible = 1e-5;
    private const float Step = 0.01f;
    private const int Steps = 100;

    private float[]? _table;

    /// <summary>P(e | t), topic-major, computed once.</summary>
    private float[] Table => _table ??= BuildTable(Counts, Smoothing);

    /// <summary>Adds Weight · ln Σ_t p(t) P(e | t) to <paramref name="executorScores"/>.</summary>
    public void Add(ReadOnlySpan<double> topicProbabilities, Span<float> executorScores)
    {
        if (Weight == 0f)
        {
            return;
        }

        Span<float> mixture = stackalloc float[executorScores.Length];
        Mixture(Table, topicProbabilities, mixture);
        for (var e = 0; e < executorScores.Length; e++)
        {
            executorScores[e] += Weight * MathF.Log(MathF.Max(mixture[e], 1e-12f));
        }
    }

    /// <summary>
    /// Chooses λ for out-of-fold executor scores: the one with the best accuracy + macro-F1 on them (ties: the smaller λ),
    /// and adds its term to <paramref name="executorScores"/> in place. Each appeal's own (topic, executor) pair is left
    /// out of the counts its term uses (leave-one-out), so the counts do not simply recall its answer.
    /// </summary>
    /// <param name="topicProbabilities">Per appeal: the topic head's out-of-fold probabilities.</param>
    /// <param name="topic">Per appeal: its topic label index, or -1 when it has none.</param>
    /// <param name="executor">Per appeal: its executor label index.</param>
    /// <param name="executorScores">Per appeal: the executor head's out-of-fold scores.</param>
    /// <param name="topics">How many topic labels.</param>
    public static TopicMix Fit(IReadOnlyList<double[]> topicProbabilities, int[] topic, int[] executor, float[][] executorScores, int topics)
    {
        var executors = executorScores.Length == 0 ? 0 : executorScores[0].Length;
        var counts = new int[topics][];
        for (var t = 0; t < topics; t++)
        {
            counts[t] = new int[executors];
        }

        for (var i = 0; i < executor.Length; i++)
        {
            if (topic[i] >= 0)
            {
                counts[topic[i]][executor[i]]++;
            }
        }

        var terms = LeaveOneOutTerms(counts, topicProbabilities, topic, executor, DefaultSmoothing);
        var best = (Lambda: 0f, Score: double.NegativeInfinity);
        for (var step = 0; step <= Steps; step++)
        {
            var lambda = step * Step;
            var (accuracy, macroF1) = Evaluate(executorScores, terms, lambda, executor);
            if (accuracy + macroF1 > best.Score + 1e-12)
            {
                best = (lambda, accuracy + macroF1);
            }
        }

        for (var i = 0; i < executorScores.Length; i++)
        {
            for (var e = 0; e < executors; e++)
            {
                executorScores[i][e] += best.Lambda * terms[i][e];
            }
        }

        return new TopicMix(best.Lambda, DefaultSmoothing, counts);
    }

    private static float[][] LeaveOneOutTerms(int[][] counts, IReadOnlyList<double[]> topicProbabilities, int[] topic, int[] executor, float smoothing)
    {
        var executors = counts.Length == 0 ? 0 : counts[0].Length;
        var table = BuildTable(counts, smoothing);
        var prior = Prior(counts);
        var terms = new float[executor.Length][];
        var mixture = new float[executors];
        for (var i = 0; i < executor.Length; i++)
        {
            Mixture(table, topicProbabilities[i], mixture);
            var own = topic[i];
            if (own >= 0 && topicProbabilities[i][own] >= Negligible)
            {
                // Row own of the table without this appeal: n(t) − 1 examples, one fewer of its executor.
                var p = (float)topicProbabilities[i][own];
                var total = counts[own].Sum();
                for (var e = 0; e < executors; e++)
                {
                    var without = (counts[own][e] - (e == executor[i] ? 1 : 0) + (smoothing * prior[e])) / (total - 1 + smoothing);
                    mixture[e] += p * (without - table[(own * executors) + e]);
                }
            }

            terms[i] = mixture.Select(m => MathF.Log(MathF.Max(m, 1e-12f))).ToArray();
        }

        return terms;
    }

    private static void Mixture(float[] table, ReadOnlySpan<double> topicProbabilities, Span<float> mixture)
    {
        var executors = mixture.Length;
        mixture.Clear();
        for (var t = 0; t < topicProbabilities.Length; t++)
        {
            var p = topicProbabilities[t];
            if (p < Negligible)
            {
                continue;
            }

            var row = table.AsSpan(t * executors, executors);
            var weight = (float)p;
            var e = 0;
            if (Vector.IsHardwareAccelerated)
            {
                // The same products and sums as the loop below, 8 or 16 executors at a time (multiply, then add: no
                // fused multiply-add, which would round once and change the last bit). A profile of prediction put this
                // loop at 6 % of the time when scalar.
                var factor = new Vector<float>(weight);
                for (; e <= executors - Vector<float>.Count; e += Vector<float>.Count)
                {
                    (new Vector<float>(mixture[e..]) + (new Vector<float>(row[e..]) * factor)).CopyTo(mixture[e..]);
                }
            }

            for (; e < executors; e++)
            {
                mixture[e] += weight * row[e];
            }
        }
    }

    private static float[] Prior(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        var executors = counts.Count == 0 ? 0 : counts[0].Count;
        var prior = new float[executors];
        var total = 0;
        foreach (var row in counts)
        {
            for (var e = 0; e < executors; e++)
            {
                prior[e] += row[e];
                total += row[e];
            }
        }

        // Add-one, so an executor never seen with any topic keeps a small share.
        for (var e = 0; e < executors; e++)
        {
            prior[e] = (prior[e] + 1) / (total + executors);
        }

        return prior;
    }

    private static float[] BuildTable(IReadOnlyList<IReadOnlyList<int>> counts, float smoothing)
    {
        var executors = counts.Count == 0 ? 0 : counts[0].Count;
        var prior = Prior(counts);
        var table = new float[counts.Count * executors];
        for (var t = 0; t < counts.Count; t++)
        {
            var total = counts[t].Sum();
            for (var e = 0; e < executors; e++)
            {
                table[(t * executors) + e] = (counts[t][e] + (smoothing * prior[e])) / (total + smoothing);
            }
        }

        return table;
    }

    private static (double Accuracy, double MacroF1) Evaluate(float[][] scores, float[][] terms, float lambda, int[] labels)
    {
        var classes = scores.Length == 0 ? 0 : scores[0].Length;
        var predicted = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var best = 0;
            var bestScore = float.NegativeInfinity;
            for (var k = 0; k < classes; k++)
            {
                var v = scores[i][k] + (lambda * terms[i][k]);
                if (v > bestScore)
                {
                    (best, bestScore) = (k, v);
                }
            }

            predicted[i] = best;
        }

        return Evaluation.Metrics.AccuracyAndMacroF1(predicted, labels, classes);
    }
}
