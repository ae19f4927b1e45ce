using Otklik.Text.Evaluation;

namespace Otklik.Text.Classification;

/// <summary>What the bundle records about one head: its labels, its temperature and its out-of-fold training metrics.</summary>
public sealed record HeadInfo(string Name, IReadOnlyList<string> Labels, float Temperature, TargetMetrics? Metrics)
{
    /// <summary>
    /// The isotonic map applied to the best label's probability after the temperature; null when calibration was
    /// skipped (and in bundles written before it existed, which then use the temperature alone).
    /// </summary>
    public ConfidenceMap? Confidence { get; init; }

    /// <summary>
    /// The α of <see cref="TrainingOptions.ExecutorRareClassShift"/> that was chosen (already added to the biases);
    /// null when the head was trained without it.
    /// </summary>
    public float? RareClassShift { get; init; }

    /// <summary>
    /// How the executor head takes the topic head's probabilities into account (<see cref="TrainingOptions.ExecutorTopicMix"/>);
    /// null for the other heads and when trained without it.
    /// </summary>
    public TopicMix? TopicMix { get; init; }
}
