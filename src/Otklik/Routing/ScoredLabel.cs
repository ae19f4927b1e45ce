namespace Otklik.Routing;

/// <summary>A label a text model predicted with its probability: a topic or an executor body.</summary>
public sealed record ScoredLabel(string Label, double Probability);
