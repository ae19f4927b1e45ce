namespace Otklik.Text.Evaluation;

/// <summary>One bar of a reliability curve: predictions whose confidence fell in [Lower, Upper) and how often they were right.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);
