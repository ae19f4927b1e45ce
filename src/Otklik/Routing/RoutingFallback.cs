namespace Otklik.Routing;

/// <summary>The body that takes what nothing else routes in a region (e.g. the regional appeals office).</summary>
public sealed record RoutingFallback(string Region, string Body);
