namespace Otklik.Routing;

/// <summary>
/// How much each kind of evidence counts. A body's score is the sum of: Rule × P(topic) × the rule's share of its cell,
/// Place × the place cell's share, Model × the model's probability, and Fallback for the region's fallback body.
/// A region-wide rule's body that the recognized city's or district's own cell never saw is multiplied by Foreign.
/// Defaults were chosen on 5-fold cross-validation of the Kursk training file (see <see cref="RoutingEvaluation"/>).
/// </summary>
public sealed record RouterWeights(double Rule = 1.0, double Place = 0.5, double Model = 1.0, double Fallback = 0.01, double Foreign = 0.3)
{
    public static readonly RouterWeights Default = new();
}
