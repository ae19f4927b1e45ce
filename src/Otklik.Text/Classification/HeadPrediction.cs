namespace Otklik.Text.Classification;

/// <summary>
/// What one head (topic, group or executor) says about a text: the three most probable labels, best first, and
/// whether the best is below the operator threshold. <see cref="Words"/> is empty unless an explanation was asked for.
/// </summary>
public sealed record HeadPrediction(string Head, IReadOnlyList<LabelProbability> Top, bool NeedsOperator, IReadOnlyList<WeightedWord> Words)
{
    /// <summary>The most probable label.</summary>
    public string Label => Top[0].Label;

    /// <summary>Its probability.</summary>
    public double Probability => Top[0].Probability;
}
