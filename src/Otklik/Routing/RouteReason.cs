namespace Otklik.Routing;

/// <summary>One piece of evidence for a body, with its share of the body's score.</summary>
public sealed record RouteReason(RouteReasonKind Kind, string Detail, double Score)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}: {Detail} (+{Score:0.000})";
}
