using Otklik.Routing;

namespace Otklik.Text.Understanding;

/// <summary>
/// Cross-validated executor accuracy and top-3 of each variant (<see cref="RoutingEvaluation.ModelOnly"/> is the text
/// model alone, <see cref="RoutingEvaluation.ModelWithPlace"/> the router on the model's predictions), the router's
/// accuracy/coverage at confidence thresholds, the mean training time of a fold's model, and the out-of-fold predictions
/// by appeal id (for <see cref="ModelPredictionFile"/>: later runs can route on them without training again), and each
/// held-out appeal's paired outcome (router right, model right) for <see cref="PairedComparison"/>.
/// </summary>
public sealed record ComparisonReport(
    IReadOnlyList<RoutingScore> Scores,
    IReadOnlyList<CoverageAtThreshold> Coverage,
    double MeanTrainingSeconds,
    IReadOnlyDictionary<string, ModelPrediction> Predictions,
    IReadOnlyList<RoutedAppeal> Routed);
