namespace Otklik.Text.Classification;

/// <summary>A label and its calibrated probability (0–1).</summary>
public sealed record LabelProbability(string Label, double Probability);
