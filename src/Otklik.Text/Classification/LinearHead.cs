using Otklik.Text.Features;

namespace Otklik.Text.Classification;

/// <summary>
/// One classifier head (topic, group or executor): a linear model over the shared features and the temperature that
/// turns its scores into probabilities. Weights are stored sparse and feature-major (per column: the labels it
/// speaks for and how strongly), with near-zero weights pruned: a dense matrix would be ~100 MB and every text would
/// pay cache misses on it; the pruned one is a few MB and predicts the same labels (checked in bench/text).
/// </summary>
internal sealed class LinearHead
{
    public LinearHead(string name, string[] labels, int[] columnStart, ushort[] labelOf, float[] weights, float[] bias, float temperature)
    {
        if (bias.Length != labels.Length || labelOf.Length != weights.Length || columnStart[^1] != weights.Length)
        {
            throw new ArgumentException($"head {name}: the weight arrays do not fit together");
        }

        Name = name;
        Labels = labels;
        ColumnStart = columnStart;
        LabelOf = labelOf;
        Weights = weights;
        Bias = bias;
        Temperature = temperature;
    }

    public string Name { get; }

    public string[] Labels { get; }

    /// <summary>Column f's weights are entries ColumnStart[f] .. ColumnStart[f+1] of <see cref="LabelOf"/> and <see cref="Weights"/>.</summary>
    public int[] ColumnStart { get; }

    public ushort[] LabelOf { get; }

    public float[] Weights { get; }

    public float[] Bias { get; }

    public float Temperature { get; }

    public int LabelCount => Labels.Length;

    public int Columns => ColumnStart.Length - 1;

    /// <summary>
    /// Builds a head from the class-major output of the trainer (bias last in each class's array), dropping weights
    /// whose magnitude is below <paramref name="prune"/>.
    /// </summary>
    public static LinearHead FromClassMajor(string name, string[] labels, float[][] classWeights, int columns, float temperature, float prune)
    {
        if (labels.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"head {name}: {labels.Length} labels, at most {ushort.MaxValue} are supported");
        }

        var start = new int[columns + 1];
        var labelOf = new List<ushort>();
        var weights = new List<float>();
        for (var f = 0; f < columns; f++)
        {
            start[f] = weights.Count;
            for (var k = 0; k < labels.Length; k++)
            {
                var w = classWeights[k][f];
                if (Math.Abs(w) >= prune && w != 0)
                {
                    labelOf.Add((ushort)k);
                    weights.Add(w);
                }
            }
        }

        start[columns] = weights.Count;
        var bias = classWeights.Select(w => w[columns]).ToArray();
        return new LinearHead(name, labels, start, labelOf.ToArray(), weights.ToArray(), bias, temperature);
    }

    /// <summary>Raw scores for a row of the training matrix (used for out-of-fold predictions).</summary>
    public static void Score(float[][] classWeights, SparseRow row, int columns, Span<float> scores)
    {
        for (var k = 0; k < classWeights.Length; k++)
        {
            scores[k] = row.Dot(classWeights[k]) + classWeights[k][columns];
        }
    }

    /// <summary>Raw scores of this (pruned) head for a row of the training matrix.</summary>
    public void Score(SparseRow row, Span<float> scores)
    {
        Bias.CopyTo(scores);
        for (var i = 0; i < row.Columns.Length; i++)
        {
            var column = row.Columns[i];
            for (var p = ColumnStart[column]; p < ColumnStart[column + 1]; p++)
            {
                scores[LabelOf[p]] += Weights[p] * row.Values[i];
            }
        }
    }

    /// <summary>The weight of one column for one label (0 when pruned).</summary>
    public float Weight(int column, int label)
    {
        for (var p = ColumnStart[column]; p < ColumnStart[column + 1]; p++)
        {
            if (LabelOf[p] == label)
            {
                return Weights[p];
            }
        }

        return 0f;
    }
}
