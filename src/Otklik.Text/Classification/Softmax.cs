namespace Otklik.Text.Classification;

/// <summary>Scores → probabilities with a temperature: p_k = exp(s_k / T) / Σ exp(s_j / T).</summary>
internal static class Softmax
{
    public static void Apply(ReadOnlySpan<float> scores, float temperature, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var sum = 0.0;
        for (var k = 0; k < scores.Length; k++)
        {
            probabilities[k] = Math.Exp((scores[k] - max) / temperature);
            sum += probabilities[k];
        }

        for (var k = 0; k < scores.Length; k++)
        {
            probabilities[k] /= sum;
        }
    }
}
