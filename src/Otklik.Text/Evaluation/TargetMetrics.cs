namespace Otklik.Text.Evaluation;

/// <summary>
/// How one head did on labeled texts: accuracy, macro-F1 (over the labels seen in truth or prediction, as
/// scikit-learn computes it), top-3 accuracy, expected calibration error (10 equal bins) and the curves behind it.
/// </summary>
public sealed record TargetMetrics(
    int N,
    double Accuracy,
    double MacroF1,
    double Top3,
    double ExpectedCalibrationError,
    IReadOnlyList<ReliabilityBin> Reliability,
    IReadOnlyList<CoveragePoint> Coverage);
