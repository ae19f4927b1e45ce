namespace Otklik.Routing;

/// <summary>One piece of evidence for a body and its weight in the body's log score: positive for, negative against.</summary>
public sealed record RouteReason(RouteReasonKind Kind, string Detail, double Score)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}: {Detail} ({Score.ToString("+0.00;-0.00;0.00", System.Globalization.CultureInfo.InvariantCulture)})";
}
