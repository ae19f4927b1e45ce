using Otklik.Places;

namespace Otklik.Routing;

/// <summary>The top bodies for an appeal (best first) and the place they were chosen for.</summary>
public sealed record RouteResult(PlaceRecognition Place, RouteTerritory Territory, IReadOnlyList<RouteCandidate> Candidates)
{
    public RouteCandidate? Best => Candidates.Count > 0 ? Candidates[0] : null;
}
