namespace Otklik.Text.Evaluation;

/// <summary>
/// At operator threshold <see cref="Threshold"/>: the share of texts decided automatically and the accuracy on them;
/// the rest go to the operator queue.
/// </summary>
public sealed record CoveragePoint(double Threshold, double Coverage, double Accuracy);
