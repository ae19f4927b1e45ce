using Otklik.Text.Features;

namespace Otklik.Text.Classification;

/// <summary>How <see cref="TextClassifier.Train"/> trains. The defaults were chosen by 5-fold cross-validation (bench/text).</summary>
public sealed record TrainingOptions
{
    /// <summary>Which features texts yield. Defaults to <see cref="FeatureSettings"/>' defaults.</summary>
    public FeatureSettings Features { get; init; } = new();

    /// <summary>SVM regularization: larger fits the training texts more closely. Defaults to 0.5.</summary>
    public double C { get; init; } = 0.5;

    /// <summary>
    /// Rare classes' positive examples weigh (largest class size / class size)^power more. 0 treats all examples
    /// alike; larger values trade accuracy for macro-F1. Defaults to 0.5 (5-fold CV: +0.9 points topic accuracy
    /// and macro-F1 over 0).
    /// </summary>
    public double ClassWeightPower { get; init; } = 0.5;

    /// <summary>The executor head's <see cref="C"/>. Defaults to null: the same as the other heads.</summary>
    public double? ExecutorC { get; init; }

    /// <summary>The executor head's <see cref="ClassWeightPower"/>. Defaults to null: the same as the other heads.</summary>
    public double? ExecutorClassWeightPower { get; init; }

    /// <summary>
    /// Whether the executor head's biases favour rare bodies by α · ln(largest class / class size), α chosen on the
    /// calibration folds' scores for the best macro-F1 that keeps their accuracy (<see cref="RareClassShiftTolerance"/>).
    /// Needs <see cref="CalibrationFolds"/> ≥ 2. Defaults to true (with <see cref="ExecutorTopicMix"/>: 5-fold CV in
    /// bench/text, executor accuracy 0.4380 → 0.4410, macro-F1 0.1879 → 0.1975; alone it cost accuracy).
    /// </summary>
    public bool ExecutorRareClassShift { get; init; } = true;

    /// <summary>The same for the topic head. Defaults to false.</summary>
    public bool TopicRareClassShift { get; init; }

    /// <summary>
    /// Whether the executor's scores also weigh which bodies answer the topics the topic head sees in the text
    /// (<see cref="Classification.TopicMix"/>), with the weight chosen on the calibration folds' out-of-fold scores.
    /// Needs <see cref="CalibrationFolds"/> ≥ 2. Defaults to true (5-fold CV alone: executor accuracy 0.4380 → 0.4430,
    /// macro-F1 unchanged; the rare-class shift after it buys the macro-F1).
    /// </summary>
    public bool ExecutorTopicMix { get; init; } = true;

    /// <summary>How much out-of-fold accuracy the rare-class shift may give up for macro-F1. Defaults to 0.</summary>
    public double RareClassShiftTolerance { get; init; }

    /// <summary>How much out-of-fold top-3 accuracy the rare-class shift may give up. Defaults to 0.01.</summary>
    public double RareClassShiftTop3Tolerance { get; init; } = 0.01;

    /// <summary>
    /// Whether the calibration folds' models train with C × folds / (folds − 1), so that their scores have the scale of
    /// the final model's (which sees all the data). Defaults to true.
    /// </summary>
    public bool ScaleCalibrationC { get; init; } = true;

    /// <summary>
    /// Whether each head also fits a <see cref="Classification.ConfidenceMap"/> (isotonic) on the calibration folds'
    /// predictions, after the temperature. Defaults to true.
    /// </summary>
    public bool ConfidenceMap { get; init; } = true;

    /// <summary>Folds of the training data whose held-out scores fit the calibration and the training metrics. Defaults to 2 (each fold costs about half a training); 0 skips calibration (temperature 1, no metrics).</summary>
    public int CalibrationFolds { get; init; } = 2;

    /// <summary>Below this best-label probability a head says "needs an operator". Defaults to 0.5.</summary>
    public double OperatorThreshold { get; init; } = 0.5;

    /// <summary>
    /// Weights smaller than this are dropped from the model: it shrinks the model and the cache misses of prediction
    /// several times over at no measured cost in accuracy. Defaults to 0.01.
    /// </summary>
    public double PruneBelow { get; init; } = 0.01;

    /// <summary>Seed of fold assignment and the solver's order. Defaults to 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Threads used for training. Defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
