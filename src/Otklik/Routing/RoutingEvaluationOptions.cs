namespace Otklik.Routing;

/// <summary>
/// Cross-validation settings. Defaults: 5 folds, seed 17, channel region "Курская", default weights, and the weights
/// also chosen per fold by an inner cross-validation on the training folds (<see cref="RoutingEvaluation.ModelWithPlaceTuned"/>).
/// </summary>
public sealed record RoutingEvaluationOptions(
    int Folds = 5,
    int Seed = 17,
    string? RegionHint = "Курская",
    RouterWeights? Weights = null,
    bool TuneWeights = true)
{
    public static readonly RoutingEvaluationOptions Default = new();
}
