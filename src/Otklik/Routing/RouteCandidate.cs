namespace Otklik.Routing;

/// <summary>A body the appeal may go to, its score and the reasons, strongest first.</summary>
public sealed record RouteCandidate(string Body, double Score, IReadOnlyList<RouteReason> Reasons)
{
    /// <summary>The strongest reason's kind: what mainly put this body here.</summary>
    public RouteReasonKind MainReason => Reasons[0].Kind;
}
