using Otklik.Text.Features;

namespace Otklik.Text.Classification;

/// <summary>
/// The header of a model bundle: version, the SHA-256 of the training data, settings and per-head metrics.
/// <see cref="ModelVersion"/> is derived from the data hash and the settings, so the same data and settings give the same version.
/// </summary>
public sealed record ModelInfo(
    int FormatVersion,
    string ModelVersion,
    string DataSha256,
    int Examples,
    FeatureSettings Features,
    double C,
    double ClassWeightPower,
    int CalibrationFolds,
    double OperatorThreshold,
    double TrainingSeconds,
    IReadOnlyList<HeadInfo> Heads)
{
    /// <summary>The executor head's C when it differs from <see cref="C"/>; null otherwise (and in older bundles).</summary>
    public double? ExecutorC { get; init; }

    /// <summary>The executor head's class-weight power when it differs from <see cref="ClassWeightPower"/>; null otherwise (and in older bundles).</summary>
    public double? ExecutorClassWeightPower { get; init; }
}
