namespace Otklik.Text.Classification;

/// <summary>
/// The classifiers' answer for one text. <see cref="Group"/> is null when the model was trained without group labels.
/// <see cref="NeedsOperator"/> is true when any head is unsure: the case goes to the operator queue.
/// </summary>
public sealed record Prediction(string ModelVersion, HeadPrediction Topic, HeadPrediction Executor, HeadPrediction? Group)
{
    /// <summary>True when any head's best probability is below the model's operator threshold.</summary>
    public bool NeedsOperator => Topic.NeedsOperator || Executor.NeedsOperator || (Group?.NeedsOperator ?? false);

    /// <summary>The heads in display order: topic, group (when present), executor.</summary>
    public IEnumerable<HeadPrediction> Heads =>
        Group is null ? [Topic, Executor] : [Topic, Group, Executor];
}
