namespace Otklik.Routing;

/// <summary>Cross-validation settings. Defaults: 5 folds, seed 17, channel region "Курская", default weights.</summary>
public sealed record RoutingEvaluationOptions(int Folds = 5, int Seed = 17, string? RegionHint = "Курская", RouterWeights? Weights = null)
{
    public static readonly RoutingEvaluationOptions Default = new();
}
