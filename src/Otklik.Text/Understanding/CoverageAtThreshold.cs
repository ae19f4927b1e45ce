namespace Otklik.Text.Understanding;

/// <summary>At this router confidence: the share of appeals assigned automatically and the executor accuracy on them.</summary>
public sealed record CoverageAtThreshold(double Threshold, double Coverage, double Accuracy);
