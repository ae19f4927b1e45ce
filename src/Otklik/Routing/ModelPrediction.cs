namespace Otklik.Routing;

/// <summary>A text model's out-of-fold prediction for one appeal: executor probabilities and, optionally, topic probabilities.</summary>
public sealed record ModelPrediction(IReadOnlyList<ScoredLabel> Executors, IReadOnlyList<ScoredLabel>? Topics = null);
